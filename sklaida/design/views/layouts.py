"""Placeholder while the screens are written in this session."""

from django.http import Http404


def download(request, **kwargs):
    raise Http404


def generate(request, **kwargs):
    raise Http404
