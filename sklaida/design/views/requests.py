"""Placeholder while the screens are written in this session."""

from django.http import Http404


def board(request, **kwargs):
    raise Http404


def designer_load(request, **kwargs):
    raise Http404


def proof_comment(request, **kwargs):
    raise Http404


def proof_file(request, **kwargs):
    raise Http404


def proof_upload(request, **kwargs):
    raise Http404


def request_create(request, **kwargs):
    raise Http404


def request_detail(request, **kwargs):
    raise Http404


def request_edit(request, **kwargs):
    raise Http404


def request_list(request, **kwargs):
    raise Http404


def request_move(request, **kwargs):
    raise Http404
