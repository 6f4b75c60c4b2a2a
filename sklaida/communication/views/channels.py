"""The channels registry with audience sizes, and campaigns with their KPI targets."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sklaida.communication.forms.channels import (
    AudienceSizeForm,
    CampaignForm,
    CampaignTargetFormSet,
    ChannelForm,
)
from sklaida.communication.models import Campaign, Channel
from sklaida.communication.selectors import channels as selectors
from sklaida.communication.services import channels as services
from sklaida.communication.views.common import may_read, may_work


def _channel_or_404(request: HttpRequest, pk: int) -> Channel:
    try:
        return selectors.channel_for(user=request.user, pk=pk)
    except Channel.DoesNotExist as missing:
        raise Http404 from missing


def _campaign_or_404(request: HttpRequest, pk: int) -> Campaign:
    try:
        return selectors.campaign_for(user=request.user, pk=pk)
    except Campaign.DoesNotExist as missing:
        raise Http404 from missing


def channel_list(request: HttpRequest) -> HttpResponse:
    may_read(request)
    return render(
        request,
        "communication/channel_list.html",
        {"channels": selectors.channel_list(user=request.user)},
    )


def channel_detail(request: HttpRequest, pk: int) -> HttpResponse:
    may_read(request)
    channel = _channel_or_404(request, pk)
    return render(
        request,
        "communication/channel_detail.html",
        {"channel": channel, "audience_form": AudienceSizeForm()},
    )


def _channel_form(request: HttpRequest, channel: Channel, title: str) -> HttpResponse:
    form = ChannelForm(request.POST or None, instance=channel)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_channel(
                actor=request.user,
                channel=form.save(commit=False),
                administrators=form.cleaned_data["administrators"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The channel has been saved."))
            return redirect(channel)
    return render(
        request,
        "communication/channel_form.html",
        {"form": form, "title": title, "channel": channel if channel.pk else None},
    )


def channel_create(request: HttpRequest) -> HttpResponse:
    may_work(request)
    return _channel_form(request, Channel(owner=request.user), _("New channel"))


def channel_update(request: HttpRequest, pk: int) -> HttpResponse:
    may_work(request)
    return _channel_form(request, _channel_or_404(request, pk), _("Edit the channel"))


@require_POST
def channel_audience(request: HttpRequest, pk: int) -> HttpResponse:
    may_work(request)
    channel = _channel_or_404(request, pk)
    form = AudienceSizeForm(request.POST)
    if form.is_valid():
        services.record_audience_size(
            actor=request.user,
            channel=channel,
            measured_on=form.cleaned_data["measured_on"],
            size=form.cleaned_data["size"],
        )
        messages.success(request, _("The audience size has been recorded."))
        return redirect(channel)
    return render(
        request,
        "communication/channel_detail.html",
        {"channel": channel, "audience_form": form},
        status=400,
    )


def campaign_list(request: HttpRequest) -> HttpResponse:
    may_read(request)
    return render(
        request,
        "communication/campaign_list.html",
        {"campaigns": selectors.campaign_list(user=request.user)},
    )


def campaign_detail(request: HttpRequest, pk: int) -> HttpResponse:
    may_read(request)
    campaign = _campaign_or_404(request, pk)
    return render(
        request,
        "communication/campaign_detail.html",
        {"campaign": campaign, "outputs": selectors.campaign_outputs(campaign)},
    )


def _campaign_form(request: HttpRequest, campaign: Campaign, title: str) -> HttpResponse:
    form = CampaignForm(request.POST or None, instance=campaign)
    targets = CampaignTargetFormSet(request.POST or None, instance=campaign, prefix="targets")
    if request.method == "POST" and form.is_valid() and targets.is_valid():
        changed = targets.save(commit=False)
        try:
            services.save_campaign(
                actor=request.user,
                campaign=form.save(commit=False),
                channels=form.cleaned_data["channels"],
                events=form.cleaned_data["events"],
                targets=changed,
                removed_targets=targets.deleted_objects,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The campaign has been saved."))
            return redirect(campaign)
    return render(
        request,
        "communication/campaign_form.html",
        {
            "form": form,
            "targets": targets,
            "title": title,
            "campaign": campaign if campaign.pk else None,
        },
    )


def campaign_create(request: HttpRequest) -> HttpResponse:
    may_work(request)
    return _campaign_form(request, Campaign(owner=request.user), _("New campaign"))


def campaign_update(request: HttpRequest, pk: int) -> HttpResponse:
    may_work(request)
    return _campaign_form(request, _campaign_or_404(request, pk), _("Edit the campaign"))
