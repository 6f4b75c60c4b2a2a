"""The password pages explain Django's password rules in Lithuanian."""

from __future__ import annotations


def test_the_password_change_page_explains_the_rules_in_lithuanian(client_as):
    page = client_as("specialiste").get("/profilis/slaptazodis/").content.decode()

    assert "Slaptažodis negali būti per daug panašus į kitus jūsų asmens duomenis." in page
    assert "Slaptažodis negali būti vienas iš dažnai naudojamų slaptažodžių." in page
    assert "Slaptažodis negali būti sudarytas vien iš skaitmenų." in page
    assert "can’t" not in page and "can't" not in page
