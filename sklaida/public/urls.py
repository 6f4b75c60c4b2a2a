"""The public's pages. Paths are fixed: /renginiai/ in Lithuanian, /en/events/ in English.

`localised_route` keeps both spellings in code (see sklaida/public/routes.py); the
Lithuanian one is served without a prefix, the English one under /en/ (sklaida/urls.py).
"""

from django.urls import path

from sklaida.public.routes import localised_route
from sklaida.public.views import (
    calendar,
    galleries,
    news,
    newsletter,
    registration,
    theme,
    tours,
    widgets,
)

app_name = "public"

urlpatterns = [
    path(localised_route(en="events/", lt="renginiai/"), calendar.event_list, name="event_list"),
    path(localised_route(en="events.ics", lt="renginiai.ics"), calendar.feed, name="feed"),
    path(
        localised_route(
            en="events/<int:year>/<int:month>/", lt="renginiai/<int:year>/<int:month>/"
        ),
        calendar.event_month,
        name="event_month",
    ),
    path(
        localised_route(en="events/<slug:slug>.ics", lt="renginiai/<slug:slug>.ics"),
        calendar.event_ical,
        name="event_ical",
    ),
    path(
        localised_route(en="events/<slug:slug>/", lt="renginiai/<slug:slug>/"),
        calendar.event_detail,
        name="event_detail",
    ),
    path(
        localised_route(en="events/<slug:slug>/image/", lt="renginiai/<slug:slug>/paveikslas/"),
        calendar.event_image,
        name="event_image",
    ),
    path(
        localised_route(en="tours/booking/", lt="ekskursijos/uzsakymas/"),
        tours.tour_request,
        name="tour_request",
    ),
    path(
        localised_route(en="tours/booking/thanks/", lt="ekskursijos/uzsakymas/aciu/"),
        tours.tour_request_thanks,
        name="tour_request_thanks",
    ),
    path(
        localised_route(en="tours/<str:token>/", lt="ekskursijos/<str:token>/"),
        tours.tour_answer,
        name="tour_answer",
    ),
    path(
        localised_route(
            en="events/<slug:slug>/registration/", lt="renginiai/<slug:slug>/registracija/"
        ),
        registration.register,
        name="register",
    ),
    path(
        localised_route(
            en="events/<slug:slug>/registration/sent/",
            lt="renginiai/<slug:slug>/registracija/issiusta/",
        ),
        registration.registration_sent,
        name="registration_sent",
    ),
    path(
        localised_route(en="registration/<str:token>/", lt="registracija/<str:token>/"),
        registration.registration_status,
        name="registration_status",
    ),
    path(
        localised_route(
            en="registration/<str:token>/cancel/", lt="registracija/<str:token>/atsaukti/"
        ),
        registration.registration_cancel,
        name="registration_cancel",
    ),
    path(localised_route(en="news/", lt="naujienos/"), news.news_list, name="news_list"),
    path(localised_route(en="news/rss/", lt="naujienos/rss/"), news.news_rss, name="news_rss"),
    path(localised_route(en="news/atom/", lt="naujienos/atom/"), news.news_atom, name="news_atom"),
    path(
        localised_route(en="news/<slug:slug>/", lt="naujienos/<slug:slug>/"),
        news.news_detail,
        name="news_detail",
    ),
    path(
        localised_route(en="widgets/events.json", lt="valdikliai/renginiai.json"),
        widgets.events_json,
        name="widget_events_json",
    ),
    path(
        localised_route(en="widgets/events.html", lt="valdikliai/renginiai.html"),
        widgets.events_html,
        name="widget_events_html",
    ),
]

urlpatterns += [
    path(
        localised_route(en="newsletter/", lt="naujienlaiskis/"),
        newsletter.subscribe,
        name="newsletter_subscribe",
    ),
    path(
        localised_route(
            en="newsletter/confirm/<str:token>/", lt="naujienlaiskis/patvirtinti/<str:token>/"
        ),
        newsletter.confirm,
        name="newsletter_confirm",
    ),
    path(
        localised_route(
            en="newsletter/unsubscribe/<str:token>/", lt="naujienlaiskis/atsisakyti/<str:token>/"
        ),
        newsletter.unsubscribe,
        name="newsletter_unsubscribe",
    ),
]

urlpatterns += [
    path(
        localised_route(en="galleries/", lt="galerijos/"),
        galleries.gallery_list,
        name="gallery_list",
    ),
    path(
        localised_route(en="galleries/<int:pk>/", lt="galerijos/<int:pk>/"),
        galleries.gallery_detail,
        name="gallery_detail",
    ),
    path(
        localised_route(
            en="galleries/pictures/<int:pk>/<str:name>/",
            lt="galerijos/vaizdai/<int:pk>/<str:name>/",
        ),
        galleries.gallery_image,
        name="gallery_image",
    ),
]

# The brand kit's stylesheet and files (design/theme.py); their addresses are reversed in
# Lithuanian, so one address serves pages in both languages.
urlpatterns += [
    path(localised_route(en="theme.css", lt="tema.css"), theme.theme_css, name="theme_css"),
    path(
        localised_route(
            en="theme/<int:version>/<str:kind>/<int:pk>/<str:name>",
            lt="tema/<int:version>/<str:kind>/<int:pk>/<str:name>",
        ),
        theme.theme_file,
        name="theme_file",
    ),
]
