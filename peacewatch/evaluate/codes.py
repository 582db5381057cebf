"""Country codes in gold data: CAMEO's three-letter codes mapped to ISO 3166-1 alpha-3.

CAMEO mostly uses ISO alpha-3 but keeps some older or own codes; those that differ are listed
here with the ISO code they stand for. Non-state CAMEO codes (IGO, NGO, IMG …) are kept as they are.
"""

from __future__ import annotations

CAMEO_TO_ISO = {
    "JAP": "JPN",  # Japan
    "ITL": "ITA",  # Italy
    "VTN": "VNM",  # Vietnam (older CAMEO spelling)
    "ROM": "ROU",  # Romania
    "ZAR": "COD",  # Zaire / DR Congo
    "TMP": "TLS",  # East Timor
    "SRB": "SRB",
    "YUG": "SRB",  # Yugoslavia, for events after 1992 Serbia (and Montenegro)
    "BUR": "MMR",  # Burma
    "SUD": "SDN",
    "GMY": "DEU",
    "UK": "GBR",
    "PSE": "PSE",
    "KSV": "XKX",  # Kosovo has no ISO code; XKX is the user-assigned code in common use
}


def cameo_to_iso(code: str | None) -> str | None:
    """The ISO alpha-3 code a CAMEO country code stands for (unknown codes pass through)."""
    if code is None:
        return None
    return CAMEO_TO_ISO.get(code, code)
