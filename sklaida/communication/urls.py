"""Staff pages of communication, under /komunikacija/."""

from django.urls import path

from sklaida.communication.views import channels, checks, content, newsletter, press

app_name = "communication"

urlpatterns: list = []

urlpatterns += [
    path("tikrinti/", checks.check_text, name="check_text"),
    path("zodynas/", checks.dictionary, name="dictionary"),
    path("zodynas/naujas/", checks.dictionary_add, name="dictionary_add"),
    path("zodynas/<int:pk>/salinti/", checks.dictionary_delete, name="dictionary_delete"),
]

# Content items, workflow, versions and channel variants; channels and campaigns.
urlpatterns += [
    path("", content.item_list, name="item_list"),
    path("kalendorius/", content.content_calendar, name="calendar"),
    path("turinys/naujas/", content.item_create, name="item_create"),
    path("turinys/<int:pk>/", content.item_detail, name="item_detail"),
    path("turinys/<int:pk>/redaguoti/", content.item_update, name="item_update"),
    path("turinys/<int:pk>/busena/", content.item_status, name="item_status"),
    path("turinys/<int:pk>/laikas/", content.item_reschedule, name="item_reschedule"),
    path("turinys/<int:pk>/versijos/", content.item_versions, name="item_versions"),
    path("turinys/<int:pk>/kanalai/naujas/", content.variant_create, name="variant_create"),
    path("kanalu-tekstai/<int:pk>/redaguoti/", content.variant_update, name="variant_update"),
    path("kanalu-tekstai/<int:pk>/laikas/", content.variant_reschedule, name="variant_reschedule"),
    path("kanalai/", channels.channel_list, name="channel_list"),
    path("kanalai/naujas/", channels.channel_create, name="channel_create"),
    path("kanalai/<int:pk>/", channels.channel_detail, name="channel_detail"),
    path("kanalai/<int:pk>/redaguoti/", channels.channel_update, name="channel_update"),
    path("kanalai/<int:pk>/auditorija/", channels.channel_audience, name="channel_audience"),
    path("kampanijos/", channels.campaign_list, name="campaign_list"),
    path("kampanijos/nauja/", channels.campaign_create, name="campaign_create"),
    path("kampanijos/<int:pk>/", channels.campaign_detail, name="campaign_detail"),
    path("kampanijos/<int:pk>/redaguoti/", channels.campaign_update, name="campaign_update"),
]

urlpatterns += [
    path("naujienlaiskis/", newsletter.newsletter_list, name="newsletter_list"),
    path("naujienlaiskis/naujas/", newsletter.newsletter_create, name="newsletter_create"),
    path("naujienlaiskis/<int:pk>/", newsletter.newsletter_detail, name="newsletter_detail"),
    path("naujienlaiskis/<int:pk>/keisti/", newsletter.newsletter_update, name="newsletter_update"),
    path(
        "naujienlaiskis/<int:pk>/perziura/",
        newsletter.newsletter_preview,
        name="newsletter_preview",
    ),
    path(
        "naujienlaiskis/<int:pk>/eiga/", newsletter.newsletter_progress, name="newsletter_progress"
    ),
    path("naujienlaiskis/<int:pk>/bandymas/", newsletter.newsletter_test, name="newsletter_test"),
    path("naujienlaiskis/<int:pk>/siusti/", newsletter.newsletter_send, name="newsletter_send"),
    path("naujienlaiskis/<int:pk>/testi/", newsletter.newsletter_resume, name="newsletter_resume"),
]

# Press mailings: a press release e-mailed to a contact list.
urlpatterns += [
    path("spaudai/", press.press_list, name="press_list"),
    path("turinys/<int:pk>/spaudai/", press.press_create, name="press_create"),
    path("spaudai/<int:pk>/", press.press_detail, name="press_detail"),
    path("spaudai/<int:pk>/keisti/", press.press_update, name="press_update"),
    path("spaudai/<int:pk>/eiga/", press.press_progress, name="press_progress"),
    path("spaudai/<int:pk>/siusti/", press.press_send, name="press_send"),
    path("spaudai/<int:pk>/testi/", press.press_resume, name="press_resume"),
]
