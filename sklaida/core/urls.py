from django.urls import path

from sklaida.core import views

app_name = "core"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("profilis/", views.profile, name="profile"),
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
    path("demo/pastas/", views.demo_mailbox_list, name="demo_mailbox"),
    path("demo/pastas/<str:key>/", views.demo_mailbox_letter, name="demo_mailbox_letter"),
]
