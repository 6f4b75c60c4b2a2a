from django.urls import path

from sklaida.core import views, views_auth

app_name = "core"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("paieska/", views.search_everything, name="search"),
    path("profilis/", views.profile, name="profile"),
    path("profilis/el-pastas/", views_auth.email_change, name="email_change"),
    path("profilis/el-pastas/<str:token>/", views_auth.email_confirm, name="email_confirm"),
    path("profilis/dvieju-veiksniu/", views_auth.two_factor, name="two_factor"),
    path(
        "profilis/dvieju-veiksniu/nustatyti/",
        views_auth.two_factor_setup,
        name="two_factor_setup",
    ),
    path(
        "profilis/dvieju-veiksniu/atsarginiai-kodai/",
        views_auth.recovery_codes,
        name="recovery_codes",
    ),
    path("profilis/dvieju-veiksniu/isjungti/", views_auth.two_factor_off, name="two_factor_off"),
    path("uzduotys/", views.task_list, name="task_list"),
    path("uzduotys/nauja/", views.task_create, name="task_create"),
    path("uzduotys/<int:pk>/", views.task_detail, name="task_detail"),
    path("uzduotys/<int:pk>/redaguoti/", views.task_update, name="task_update"),
    path("uzduotys/<int:pk>/busena/", views.task_status, name="task_status"),
    path(
        "komentarai/<int:content_type_id>/<int:object_id>/",
        views.comment_create,
        name="comment_create",
    ),
    path(
        "prisegtukai/<int:content_type_id>/<int:object_id>/",
        views.attachment_create,
        name="attachment_create",
    ),
    path("prisegtukai/<int:pk>/", views.attachment_download, name="attachment_download"),
    path("prisegtukai/<int:pk>/salinti/", views.attachment_delete, name="attachment_delete"),
    path("bibliotekos/", views.library_list, name="library_list"),
    path("bibliotekos/<int:pk>/", views.library_detail, name="library_detail"),
    path("erdves/<int:pk>/", views.space_detail, name="space_detail"),
    path("demo/pastas/", views.demo_mailbox_list, name="demo_mailbox"),
    path("demo/pastas/<str:key>/", views.demo_mailbox_letter, name="demo_mailbox_letter"),
]
