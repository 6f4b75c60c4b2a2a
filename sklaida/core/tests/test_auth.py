"""Signing in and out, the sign-in wall, and choosing a new password by e-mail."""

import re

from django.test import Client

from sklaida.core.demo import DEMO_PASSWORD

RESET_LINK = re.compile(r"http://testserver/slaptazodis/naujas/[^/\s]+/[^/\s]+/")


def sign_in(client: Client, username: str, password: str, next_url: str = ""):
    return client.post(
        "/prisijungti/",
        {"username": username, "password": password, "next": next_url},
        follow=True,
    )


def test_the_sign_in_page_speaks_lithuanian(db):
    page = Client().get("/prisijungti/").content.decode()

    assert '<html lang="lt">' in page
    assert '<h1 class="h4 mb-3">Prisijungti</h1>' in page
    assert ">Naudotojo vardas <span" in page
    assert ">Slaptažodis <span" in page
    assert '<button type="submit" class="btn btn-primary">Prisijungti</button>' in page
    assert "Pamiršote slaptažodį?" in page


def test_signing_in_lands_on_my_work(personas):
    response = sign_in(Client(), "specialiste", DEMO_PASSWORD)

    assert response.redirect_chain == [("/", 302)]
    page = response.content.decode()
    assert '<h1 class="h3">Mano darbai</h1>' in page
    assert "Sveiki, Ieva." in page


def test_a_wrong_password_is_refused_in_lithuanian_and_the_user_name_is_kept(personas):
    client = Client()
    response = sign_in(client, "specialiste", "neteisingas-slaptazodis")

    page = response.content.decode()
    assert response.redirect_chain == []
    assert '<div class="alert alert-danger" role="alert">' in page
    assert "Neteisingas naudotojo vardas arba slaptažodis." in page
    assert 'name="username" value="specialiste"' in page
    assert "neteisingas-slaptazodis" not in page
    assert client.get("/").url == "/prisijungti/?next=/"


def test_a_visitor_asking_for_a_staff_page_signs_in_first_and_then_gets_it(personas):
    client = Client()

    response = client.get("/uzduotys/", follow=True)

    assert response.redirect_chain == [("/prisijungti/?next=/uzduotys/", 302)]
    page = response.content.decode()
    assert '<h1 class="h4 mb-3">Prisijungti</h1>' in page
    assert '<input type="hidden" name="next" value="/uzduotys/">' in page

    response = sign_in(client, "vadove", DEMO_PASSWORD, next_url="/uzduotys/")

    assert response.redirect_chain == [("/uzduotys/", 302)]
    assert "Prisijungti" not in response.content.decode()


def test_signing_out_returns_to_the_sign_in_page_and_closes_the_staff_pages(personas):
    client = Client()
    sign_in(client, "vadove", DEMO_PASSWORD)

    response = client.post("/atsijungti/", follow=True)

    assert response.redirect_chain == [("/prisijungti/", 302)]
    assert '<h1 class="h4 mb-3">Prisijungti</h1>' in response.content.decode()
    assert client.get("/uzduotys/").url == "/prisijungti/?next=/uzduotys/"


def test_a_forgotten_password_is_replaced_through_a_link_sent_by_email(
    personas, smtp_server, django_capture_on_commit_callbacks
):
    client = Client()
    form_page = client.get("/slaptazodis/priminti/").content.decode()
    assert "Slaptažodžio atkūrimas" in form_page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/slaptazodis/priminti/", {"email": "specialiste@biblioteka.example"}, follow=True
        )

    assert response.redirect_chain == [("/slaptazodis/priminti/issiusta/", 302)]
    assert "Patikrinkite el. paštą" in response.content.decode()
    [mail] = smtp_server.received
    assert mail.envelope_to == ["specialiste@biblioteka.example"]
    assert mail.subject == "Naujas Sklaidos slaptažodis"
    assert mail.body.startswith("Sveiki, Ieva Kazlauskaitė,")
    assert "paprašė atkurti jūsų Sklaidos paskyros slaptažodį" in mail.body
    assert "Jūsų naudotojo vardas: specialiste" in mail.body
    assert "Nuoroda galioja vieną parą." in mail.body
    [link] = RESET_LINK.findall(mail.body)

    choose_page = client.get(link, follow=True)
    assert "Naujo slaptažodžio sukūrimas" in choose_page.content.decode()
    response = client.post(
        choose_page.request["PATH_INFO"],
        {"new_password1": "Ruduo-Kelmeje-2026", "new_password2": "Ruduo-Kelmeje-2026"},
        follow=True,
    )

    assert response.redirect_chain == [("/slaptazodis/naujas/pakeistas/", 302)]
    assert "Dabar galite su juo prisijungti." in response.content.decode()
    old_password = sign_in(Client(), "specialiste", DEMO_PASSWORD).content.decode()
    assert "Neteisingas naudotojo vardas arba slaptažodis." in old_password
    signed_in = sign_in(Client(), "specialiste", "Ruduo-Kelmeje-2026")
    assert '<h1 class="h3">Mano darbai</h1>' in signed_in.content.decode()
    used_again = client.get(link, follow=True).content.decode()
    assert "Ši nuoroda jau panaudota arba nebegalioja." in used_again


def test_asking_a_reset_for_an_unknown_address_reveals_nothing_and_sends_nothing(
    personas, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        unknown = Client().post(
            "/slaptazodis/priminti/", {"email": "niekas@biblioteka.example"}, follow=True
        )
        known = Client().post(
            "/slaptazodis/priminti/", {"email": "vadove@biblioteka.example"}, follow=True
        )

    assert unknown.redirect_chain == known.redirect_chain
    assert "Jei šis adresas priklauso paskyrai" in unknown.content.decode()
    assert "niekas@biblioteka.example" not in unknown.content.decode()
    assert [mail.envelope_to for mail in smtp_server.received] == [["vadove@biblioteka.example"]]
