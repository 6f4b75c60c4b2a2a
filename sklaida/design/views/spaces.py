"""Placeholder while the screens are written in this session."""

from django.http import Http404


def item_create(request, **kwargs):
    raise Http404


def item_edit(request, **kwargs):
    raise Http404


def photos_upload(request, **kwargs):
    raise Http404


def project_create(request, **kwargs):
    raise Http404


def project_detail(request, **kwargs):
    raise Http404


def project_edit(request, **kwargs):
    raise Http404


def project_list(request, **kwargs):
    raise Http404
