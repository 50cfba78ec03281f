from korrektur.engine.words import hunspell

AFF = """SET UTF-8
FORBIDDENWORD %
ONLYINCOMPOUND Z
COMPOUNDBEGIN X
COMPOUNDEND Y

SFX A Y 2
SFX A 0 en [^a]
SFX A a an a

SFX v N 1
SFX v 0 s/XZ .
"""

DIC = """4
skola/AY
bil/AvY
fel/%
elev/X
"""


def test_expand_forms_with_compound_roles(tmp_path):
    (tmp_path / "t.aff").write_text(AFF, encoding="utf-8")
    (tmp_path / "t.dic").write_text(DIC, encoding="utf-8")
    forms = hunspell.expand([tmp_path / "t.dic"], hunspell.read_affixes(tmp_path / "t.aff"))
    assert forms["skola"] == hunspell.FULL | hunspell.END
    assert forms["skolan"] == hunspell.FULL | hunspell.END  # inflected forms may end compounds
    assert forms["bilen"] & hunspell.FULL
    assert forms["bils"] & hunspell.BEGIN
    assert not forms["bils"] & hunspell.FULL
    assert forms["elev"] == hunspell.FULL | hunspell.BEGIN
    assert "fel" not in forms  # forbidden
    assert "skolaen" not in forms  # the condition [^a] keeps "en" off words in -a
