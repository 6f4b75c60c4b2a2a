from sklaida.communication.checks import check_alt_text, check_length


def test_a_text_within_the_limit_passes():
    assert check_length("Knygų savaitė", 280) == []
    assert check_length("Knygų savaitė", None) == []


def test_a_text_over_the_limit_is_flagged_from_the_limit_on():
    [finding] = check_length("a" * 290, 280)
    assert (finding.start, finding.end) == (280, 290)
    assert finding.message == "Tekste 290 ženklų, 10 daugiau nei riba (280)."


def test_limits_of_several_channels_name_the_channel_over_its_limit():
    findings = check_length("a" * 300, {"X": 280, "Facebook": 5000, "Naujienlaiškis": None})
    assert [f.message.split(":")[0] for f in findings] == ["X"]


def test_images_without_a_description_or_with_a_file_name_are_flagged():
    findings = check_alt_text(
        [
            ("plakatas.jpg", "Knygų savaitės plakatas su vaikais"),
            ("nuotrauka.png", ""),
            ("IMG_2041.jpg", "IMG_2041.jpg"),
        ]
    )
    assert len(findings) == 2
    assert "nuotrauka.png" in findings[0].message
    assert findings[1].message == "Paveikslėlio „IMG_2041.jpg“ aprašymas – tik failo pavadinimas."
