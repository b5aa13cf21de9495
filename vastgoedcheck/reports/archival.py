"""Reports made archivable as PDF/A-2b: an sRGB output intent and XMP metadata (title,
language, the check's id) added to the PDF reportlab wrote, whose fonts are all embedded."""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass

import pikepdf
from PIL import ImageCms

# The colour space every colour in a report is meant in: photos are sRGB JPEGs and reportlab
# draws in DeviceRGB, which PDF/A only accepts with an output intent that says what RGB means.
OUTPUT_CONDITION = "sRGB IEC61966-2.1"
PDFA_NAMESPACE = "http://www.aiim.org/pdfa/ns/id/"


@dataclass(frozen=True)
class ArchiveMetadata:
    title: str
    language: str  # BCP 47, e.g. "nl-NL"
    identifier: str  # the check's id and revision, e.g. "vastgoedcheck:check:ID:revision:1"


@functools.cache
def srgb_profile() -> bytes:
    """An sRGB ICC profile, made by Little CMS (through Pillow) rather than shipped as a file."""
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    return bytes(profile.tobytes())


def _add_output_intent(pdf: pikepdf.Pdf) -> None:
    icc = pikepdf.Stream(pdf, srgb_profile())
    icc["/N"] = 3
    intent = pikepdf.Dictionary(
        Type=pikepdf.Name.OutputIntent,
        S=pikepdf.Name.GTS_PDFA1,
        OutputConditionIdentifier=OUTPUT_CONDITION,
        Info=OUTPUT_CONDITION,
        RegistryName="http://www.color.org",
        DestOutputProfile=pdf.make_indirect(icc),
    )
    pdf.Root.OutputIntents = pikepdf.Array([pdf.make_indirect(intent)])


def archival(pdf_bytes: bytes, metadata: ArchiveMetadata) -> bytes:
    """``pdf_bytes`` as PDF/A-2b. The document information dictionary and the XMP metadata say
    the same (PDF/A requires it); objects are written out one by one, not in compressed object
    streams, so the origin in the keywords stays readable by ``vastgoedcheck verify``."""
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        _add_output_intent(pdf)
        pdf.Root.Lang = metadata.language
        pdf.Root.MarkInfo = pikepdf.Dictionary(Marked=False)
        # reportlab's /Trapped has no place in XMP; PDF/A wants both to say the same.
        if "/Trapped" in pdf.docinfo:
            del pdf.docinfo["/Trapped"]
        with pdf.open_metadata(set_pikepdf_as_editor=False) as xmp:
            xmp.load_from_docinfo(pdf.docinfo)
            xmp["dc:title"] = metadata.title
            xmp["dc:language"] = [metadata.language]
            xmp["dc:identifier"] = metadata.identifier
            xmp["pdfaid:part"] = "2"
            xmp["pdfaid:conformance"] = "B"
        output = io.BytesIO()
        pdf.save(
            output,
            object_stream_mode=pikepdf.ObjectStreamMode.disable,
            fix_metadata_version=False,
        )
    return output.getvalue()
