"""Addresses in each language (/feeds/..., /ur/feeds/...): feeds and the embeddable widgets."""

from django.urls import path

from campaigns import feeds, views

app_name = "campaigns"

urlpatterns = [
    path("feeds/guides/rss/", feeds.GuidesFeed(), name="feed-guides-rss"),
    path("feeds/guides/atom/", feeds.GuidesAtomFeed(), name="feed-guides-atom"),
    path("feeds/case-studies/rss/", feeds.CaseStudiesFeed(), name="feed-case-studies-rss"),
    path("feeds/case-studies/atom/", feeds.CaseStudiesAtomFeed(), name="feed-case-studies-atom"),
    path("feeds/training/rss/", feeds.TrainingFeed(), name="feed-training-rss"),
    path("feeds/training/atom/", feeds.TrainingAtomFeed(), name="feed-training-atom"),
    path("feeds/training/sessions.ics", feeds.sessions_ics, name="feed-training-ics"),
    path("embed/find-support/", views.embed_find_support, name="embed-find-support"),
    path("embed/directory-search/", views.embed_directory_search, name="embed-directory-search"),
]
