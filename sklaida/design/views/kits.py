"""Placeholder while the screens are written in this session."""

from django.http import Http404


def kit_create(request, **kwargs):
    raise Http404


def kit_detail(request, **kwargs):
    raise Http404


def kit_edit(request, **kwargs):
    raise Http404


def kit_file(request, **kwargs):
    raise Http404


def kit_list(request, **kwargs):
    raise Http404


def kit_make_current(request, **kwargs):
    raise Http404


def kit_part_add(request, **kwargs):
    raise Http404


def kit_part_delete(request, **kwargs):
    raise Http404
