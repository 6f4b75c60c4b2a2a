"""Design requests, proofs and files for the design tests."""

from __future__ import annotations

import datetime
import io

import factory
import pyvips
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from sklaida.core.models import User
from sklaida.design.models import DesignRequest


class DesignRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DesignRequest

    title = factory.Sequence(lambda n: f"Plakatas Nr. {n}")
    product = DesignRequest.Product.POSTER
    brief = "Poezijos vakaras bibliotekoje."
    deadline = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=14))
    requester = factory.LazyFunction(lambda: User.objects.get(username="vadove"))


def png_file(
    name: str = "maketas.png", *, width: int = 600, height: int = 800
) -> SimpleUploadedFile:
    picture = (pyvips.Image.black(width, height, bands=3) + [31, 78, 121]).cast("uchar")
    data = picture.copy(interpretation="srgb").pngsave_buffer()
    return SimpleUploadedFile(name, data, content_type="image/png")


def pdf_file(name: str = "maketas.pdf") -> SimpleUploadedFile:
    from weasyprint import HTML

    buffer = io.BytesIO()
    HTML(string="<h1>Poezijos vakaras</h1><p>2026 m. gruodžio 3 d.</p>").write_pdf(buffer)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/pdf")
