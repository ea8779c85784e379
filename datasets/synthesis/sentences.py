"""Sentences for the synthetic emotional-speech corpora (written for this project).

Each language has sentence openings and continuations that combine into
distinct sentences (openings x continuations), plus a few whole sentences.
The words are deliberately emotionally neutral: the emotion must come from
the prosody, never from the text, or a model could learn the words instead.
"""

from __future__ import annotations

from typing import Dict, List, Tuple

OPENINGS: Dict[str, List[str]] = {
    "en": [
        "This morning I walked to the station",
        "Yesterday the meeting started late",
        "On Tuesday we moved the boxes",
        "After lunch she called her brother",
        "Last week the garden was repainted",
        "In the evening we cooked some rice",
        "Before the train left I bought a ticket",
        "At nine o'clock the shop opened",
        "Today the weather changed again",
        "My neighbour fixed the old bicycle",
        "The letter arrived on Friday",
        "We looked at the map for a while",
        "The children counted the stones",
        "He put the keys on the table",
        "They painted the kitchen door",
    ],
    "de": [
        "Heute Morgen bin ich zum Bahnhof gegangen",
        "Gestern hat die Sitzung spät begonnen",
        "Am Dienstag haben wir die Kisten getragen",
        "Nach dem Mittagessen rief sie ihren Bruder an",
        "Letzte Woche wurde der Zaun gestrichen",
        "Am Abend haben wir Reis gekocht",
        "Vor der Abfahrt kaufte ich eine Fahrkarte",
        "Um neun Uhr hat der Laden geöffnet",
        "Heute hat sich das Wetter wieder geändert",
        "Mein Nachbar hat das alte Fahrrad repariert",
        "Der Brief kam am Freitag an",
        "Wir haben lange auf die Karte geschaut",
    ],
    "fr": [
        "Ce matin je suis allé à la gare",
        "Hier la réunion a commencé en retard",
        "Mardi nous avons déplacé les cartons",
        "Après le déjeuner elle a appelé son frère",
        "La semaine dernière on a repeint la porte",
        "Ce soir nous avons préparé du riz",
        "Avant le départ du train j'ai acheté un billet",
        "À neuf heures le magasin a ouvert",
        "Aujourd'hui le temps a encore changé",
        "Mon voisin a réparé le vieux vélo",
        "La lettre est arrivée vendredi",
        "Nous avons regardé la carte un moment",
    ],
    "es": [
        "Esta mañana fui caminando a la estación",
        "Ayer la reunión empezó tarde",
        "El martes movimos las cajas",
        "Después de comer ella llamó a su hermano",
        "La semana pasada pintaron la puerta",
        "Por la noche cocinamos arroz",
        "Antes de salir el tren compré un billete",
        "A las nueve abrió la tienda",
        "Hoy el tiempo cambió otra vez",
        "Mi vecino arregló la bicicleta vieja",
        "La carta llegó el viernes",
        "Miramos el mapa durante un rato",
    ],
    "it": [
        "Stamattina sono andato alla stazione",
        "Ieri la riunione è cominciata tardi",
        "Martedì abbiamo spostato le scatole",
        "Dopo pranzo lei ha chiamato suo fratello",
        "La settimana scorsa hanno dipinto la porta",
        "Stasera abbiamo cucinato il riso",
        "Prima della partenza ho comprato un biglietto",
        "Alle nove il negozio ha aperto",
        "Oggi il tempo è cambiato di nuovo",
        "Il mio vicino ha riparato la bicicletta",
    ],
    "nl": [
        "Vanochtend liep ik naar het station",
        "Gisteren begon de vergadering laat",
        "Op dinsdag hebben we de dozen verplaatst",
        "Na de lunch belde ze haar broer",
        "Vorige week werd de deur geverfd",
        "Vanavond hebben we rijst gekookt",
        "Voor de trein vertrok kocht ik een kaartje",
        "Om negen uur ging de winkel open",
        "Vandaag veranderde het weer opnieuw",
        "Mijn buurman repareerde de oude fiets",
    ],
}

CONTINUATIONS: Dict[str, List[str]] = {
    "en": [
        "and then I sat down for a moment.",
        "and nobody said very much about it.",
        "so we had to wait for the next one.",
        "while the radio was playing in the background.",
        "and the street was quieter than usual.",
        "because the other room was still closed.",
        "and after that we went home.",
        "and I wrote it down in my notebook.",
        "just like we did the week before.",
        "and the clock on the wall said ten past four.",
        "but the door was already open.",
        "and we talked about the plan for Monday.",
    ],
    "de": [
        "und dann habe ich mich kurz hingesetzt.",
        "und niemand hat viel darüber gesagt.",
        "also mussten wir auf den nächsten warten.",
        "während im Hintergrund das Radio lief.",
        "und die Straße war ruhiger als sonst.",
        "weil der andere Raum noch geschlossen war.",
        "und danach sind wir nach Hause gegangen.",
        "und ich habe es in mein Heft geschrieben.",
        "genau wie in der Woche davor.",
        "aber die Tür war schon offen.",
    ],
    "fr": [
        "et ensuite je me suis assis un moment.",
        "et personne n'en a vraiment parlé.",
        "alors il a fallu attendre le suivant.",
        "pendant que la radio jouait dans le fond.",
        "et la rue était plus calme que d'habitude.",
        "parce que l'autre salle était encore fermée.",
        "et après nous sommes rentrés.",
        "et je l'ai noté dans mon carnet.",
        "comme la semaine précédente.",
        "mais la porte était déjà ouverte.",
    ],
    "es": [
        "y luego me senté un momento.",
        "y nadie dijo mucho sobre eso.",
        "así que tuvimos que esperar al siguiente.",
        "mientras la radio sonaba de fondo.",
        "y la calle estaba más tranquila que de costumbre.",
        "porque la otra sala seguía cerrada.",
        "y después volvimos a casa.",
        "y lo apunté en mi cuaderno.",
        "igual que la semana anterior.",
        "pero la puerta ya estaba abierta.",
    ],
    "it": [
        "e poi mi sono seduto un momento.",
        "e nessuno ne ha parlato molto.",
        "così abbiamo dovuto aspettare il prossimo.",
        "mentre la radio suonava in sottofondo.",
        "e la strada era più tranquilla del solito.",
        "perché l'altra stanza era ancora chiusa.",
        "e dopo siamo tornati a casa.",
        "e l'ho scritto nel mio quaderno.",
        "ma la porta era già aperta.",
    ],
    "nl": [
        "en toen ging ik even zitten.",
        "en niemand zei er veel over.",
        "dus moesten we op de volgende wachten.",
        "terwijl de radio op de achtergrond speelde.",
        "en de straat was rustiger dan normaal.",
        "omdat de andere kamer nog dicht was.",
        "en daarna gingen we naar huis.",
        "en ik schreef het op in mijn schrift.",
        "maar de deur stond al open.",
    ],
}

SHORT: Dict[str, List[str]] = {
    "en": ["I see.", "That is the blue one.", "We will be there at six.", "The bus is coming.", "It is on the second shelf.",
           "Please close the window.", "The meeting is on Thursday.", "I left it in the car.", "Turn left at the corner.", "It was a long day."],
    "de": ["Ich verstehe.", "Das ist der blaue.", "Wir sind um sechs da.", "Der Bus kommt.", "Es liegt im zweiten Regal."],
    "fr": ["Je vois.", "C'est le bleu.", "Nous serons là à six heures.", "Le bus arrive.", "C'est sur la deuxième étagère."],
    "es": ["Ya veo.", "Es el azul.", "Estaremos allí a las seis.", "Viene el autobús.", "Está en el segundo estante."],
    "it": ["Capisco.", "È quello blu.", "Saremo lì alle sei.", "Arriva l'autobus.", "È sul secondo scaffale."],
    "nl": ["Ik snap het.", "Dat is de blauwe.", "We zijn er om zes uur.", "De bus komt eraan.", "Het ligt op de tweede plank."],
}


def sentences(language: str) -> List[str]:
    """Every distinct sentence for a language, in a fixed order."""
    combined = [f"{o}, {c}" for o in OPENINGS[language] for c in CONTINUATIONS[language]]
    return combined + [f"{o}." for o in OPENINGS[language]] + SHORT[language]


def all_sentences() -> List[Tuple[str, str]]:
    """(language, sentence) pairs over every language."""
    return [(lang, s) for lang in OPENINGS for s in sentences(lang)]
