"""Turning typed text into safe search words, and marking them in results (no database)."""

from search import text


def test_clean_query_drops_controls_and_caps_length():
    assert text.clean_query("  co\x00-op \t funding\n") == "co-op funding"
    assert text.clean_query("\ud800x") == "x"
    assert len(text.clean_query("a" * 5000)) == text.MAX_QUERY_LENGTH
    assert text.clean_query(None) == ""


def test_words_keep_letters_of_every_script_and_drop_syntax():
    assert text.words('"co-op" AND funding* -tax NEAR/3') == [
        "co-op",
        "and",
        "funding",
        "tax",
        "near",
        "3",
    ]
    assert text.words("کوآپریٹو 合作社 Spółdzielnia 🙂") == ["کوآپریٹو", "合作社", "spółdzielnia"]


def test_co_op_spellings_are_one_word():
    for spelling in ("co-op", "coop", "Cooperative", "co-operatives", "CO-OPS"):
        (term,) = text.terms(spelling)
        assert {"co-op", "coop", "co-operative", "cooperative"} <= set(term.variants)


def test_little_words_are_left_out_unless_they_are_all_there_is():
    assert [t.word for t in text.terms("how do I start a co-op")] == ["start", "co-op"]
    assert [t.word for t in text.terms("AND OR")] == ["and", "or"]


def test_plurals_also_search_for_the_singular():
    (term,) = text.terms("businesses")
    assert term.variants == ("businesses", "business")
    (term,) = text.terms("charities")
    assert "charity" in term.variants


def test_phrase_synonyms():
    (term,) = text.terms("community interest company")
    assert "cic" in term.variants


def test_highlight_escapes_before_marking():
    pattern = text.match_pattern(text.terms("script amp"))
    html = text.highlight("<script>alert('x')</script> & amplify", pattern)
    assert html == (
        "&lt;<mark>script</mark>&gt;alert(&#x27;x&#x27;)&lt;/<mark>script</mark>&gt; &amp; "
        "<mark>amplify</mark>"
    )


def test_highlight_marks_word_starts_and_other_spellings():
    pattern = text.match_pattern(text.terms("coop procure"))
    assert text.highlight("Co-operative procurement, scoop", pattern) == (
        "<mark>Co-operative</mark> <mark>procurement</mark>, scoop"
    )


def test_recorded_form_has_no_contact_details():
    assert text.normalise_for_record("Call 0161 496 0123 or mail me@example.org") == (
        "call [number] or mail [email]"
    )
    assert len(text.normalise_for_record("x " * 500)) <= text.MAX_RECORDED_LENGTH


def test_shorten_cuts_at_a_word():
    assert text.shorten("one two three", limit=9) == "one two…"
    assert text.shorten("short", limit=9) == "short"
