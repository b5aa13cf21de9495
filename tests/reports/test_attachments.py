"""Photos appear upright and scaled down, other files are listed with their fingerprint, and a
damaged image never stops a report."""

from __future__ import annotations

import hashlib
import io

from PIL import Image
from pypdf import PdfReader

from tests.reports.conftest import Files, attach, document, final, flat, read, report, text
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.reports.photos import MAX_SIDE, prepared_photo

ORIENTATION = 0x0112
ROTATED_90_CLOCKWISE = 6


def _jpeg(width: int, height: int, orientation: int | None = None) -> bytes:
    image = Image.new("RGB", (width, height), "white")
    image.paste((200, 30, 30), (0, 0, width // 2, height))  # left half red
    exif = Image.Exif()
    if orientation is not None:
        exif[ORIENTATION] = orientation
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif.tobytes())
    return buffer.getvalue()


def _images(pdf: bytes) -> list[tuple[int, int]]:
    sizes = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for image in page.images:
            sizes.append(image.image.size)
    return sizes


def _hemp_check(registry: PackRegistry, files: Files, *contents: tuple[bytes, str, str]):  # type: ignore[no-untyped-def]
    check, pack = read(document("landlord-residential-hemp-signs"), registry)
    attachments = [files.add(content, name, media) for content, name, media in contents]
    return final(attach(check, "RES-19", *attachments)), pack


def test_a_photo_taken_sideways_is_shown_upright(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "zolder.jpg"
    path.write_bytes(_jpeg(400, 200, ROTATED_90_CLOCKWISE))
    photo = prepared_photo(path.read_bytes())
    assert photo is not None
    assert (photo.width, photo.height) == (200, 400)
    upright = Image.open(io.BytesIO(photo.jpeg))
    assert upright.getpixel((100, 10))[0] > 150  # the red half is now on top
    assert upright.getpixel((100, 390))[1] > 200  # and the white half below


def test_photos_are_embedded_upright_and_scaled_down(registry: PackRegistry, files: Files) -> None:
    check, pack = _hemp_check(
        registry,
        files,
        (_jpeg(4000, 3000), "achterdeur.jpg", "image/jpeg"),
        (_jpeg(1200, 600, ROTATED_90_CLOCKWISE), "meterkast.jpg", "image/jpeg"),
    )
    pdf = report(check, pack, "police", files=files)
    sizes = _images(pdf)
    assert (MAX_SIDE, MAX_SIDE * 3 // 4) in sizes  # 4000 × 3000 scaled down, proportions kept
    assert (MAX_SIDE // 2, MAX_SIDE) in sizes  # turned upright
    content = flat(text(pdf))
    assert "Photo 1, with RES-19: achterdeur.jpg" in content
    assert "meterkast.jpg (photo 2)" in content  # the answer points at its photo


def test_an_unreadable_image_is_listed_and_the_report_still_builds(
    registry: PackRegistry, files: Files
) -> None:
    broken = b"\xff\xd8\xff\xe0 this was a photo until the disk failed"
    check, pack = _hemp_check(
        registry,
        files,
        (broken, "kapot.jpg", "image/jpeg"),
        (_jpeg(300, 200), "gevel.jpg", "image/jpeg"),
    )
    pdf = report(check, pack, "dossier", files=files)
    content = flat(text(pdf))
    assert "kapot.jpg" in content and "could not be read" in content
    assert hashlib.sha256(broken).hexdigest() in content.replace(" ", "")
    assert len(_images(pdf)) == 1  # the readable photo is still there


def test_a_missing_attachment_file_does_not_stop_the_report(
    registry: PackRegistry, files: Files
) -> None:
    check, pack = _hemp_check(registry, files, (_jpeg(300, 200), "weg.jpg", "image/jpeg"))
    for stored in files.folder.iterdir():
        stored.unlink()
    assert "could not be read" in flat(text(report(check, pack, "dossier", files=files)))


def test_other_files_are_listed_with_size_and_sha256(registry: PackRegistry, files: Files) -> None:
    contract = b"%PDF-1.4 huurovereenkomst" + b"x" * 2000
    check, pack = _hemp_check(registry, files, (contract, "huurcontract.pdf", "application/pdf"))
    content = flat(text(report(check, pack, "dossier", files=files)))
    assert "RES-19: huurcontract.pdf" in content
    assert "2 kB" in content  # 2,025 bytes
    assert hashlib.sha256(contract).hexdigest() in content.replace(" ", "")


def test_one_photo_with_two_answers_is_shown_once(registry: PackRegistry, files: Files) -> None:
    check, pack = read(document("landlord-residential-hemp-signs"), registry)
    photo = files.add(_jpeg(300, 200), "achterkant.jpg")
    check = final(attach(attach(check, "RES-19", photo), "RES-20", photo))
    pdf = report(check, pack, "police", files=files)
    assert len(_images(pdf)) == 1
    assert flat(text(pdf)).count("achterkant.jpg (photo 1)") == 2
