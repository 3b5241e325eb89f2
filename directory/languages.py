"""Languages providers may speak, by ISO 639-1 code, with their English names."""

from __future__ import annotations

#: The languages most spoken in Greater Manchester first, then others providers have asked for.
LANGUAGES: dict[str, str] = {
    "en": "English",
    "ur": "Urdu",
    "pa": "Punjabi",
    "bn": "Bengali",
    "ar": "Arabic",
    "pl": "Polish",
    "zh": "Chinese",
    "gu": "Gujarati",
    "so": "Somali",
    "ku": "Kurdish",
    "fa": "Persian (Farsi)",
    "ro": "Romanian",
    "pt": "Portuguese",
    "es": "Spanish",
    "fr": "French",
    "ti": "Tigrinya",
    "am": "Amharic",
    "uk": "Ukrainian",
    "ru": "Russian",
    "tr": "Turkish",
    "vi": "Vietnamese",
    "hi": "Hindi",
    "ta": "Tamil",
    "yo": "Yoruba",
    "ig": "Igbo",
    "sw": "Swahili",
    "cy": "Welsh",
    "ga": "Irish",
    "it": "Italian",
    "de": "German",
    "lt": "Lithuanian",
    "cs": "Czech",
    "sk": "Slovak",
    "ps": "Pashto",
    "sq": "Albanian",
    "he": "Hebrew",
    "yi": "Yiddish",
}


def parse_language_codes(value: str) -> list[str]:
    """Split "en, ur pl" into known codes, lower-cased, in order, without repeats."""
    codes: list[str] = []
    for part in value.replace(";", ",").replace(" ", ",").split(","):
        code = part.strip().lower()
        if code and code not in codes:
            codes.append(code)
    return codes


def unknown_language_codes(value: str) -> list[str]:
    return [code for code in parse_language_codes(value) if code not in LANGUAGES]
