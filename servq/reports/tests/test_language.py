"""The template language's form: what parses, and every kind of error with its position."""

import pytest

from servq.reports.language import TemplateInvalid, parse_template
from servq.reports.numbering import NumberingStyle, chinese_number


def errors_of(source: str) -> list[str]:
    with pytest.raises(TemplateInvalid) as caught:
        parse_template(source)
    return [str(error) for error in caught.value.errors]


def test_it_numbers_sections_by_level_with_the_default_styles():
    tree = parse_template("# 甲\n## 乙\n### 丙\n#### 丁\n##### 戊\n###### 己\n## 庚\n# 辛\n")
    assert [s.label for s in tree.walk()] == [
        "壹、甲", "一、乙", "（一）丙", "1.丁", "（1）戊", "a.己", "二、庚", "貳、辛"]


def test_it_takes_numbering_styles_per_template_and_leaves_unnumbered_headings_out():
    source = "numbering: 第一章 | 1. | (a)\n---\n# 總論\n## 目的\n## 說明 {-}\n## 範圍\n### 細項\n"
    tree = parse_template(source)
    assert [s.label for s in tree.walk()] == ["第一章總論", "1.目的", "說明", "2.範圍", "(a)細項"]


def test_it_writes_chinese_numerals_as_documents_do():
    assert [chinese_number(n) for n in (1, 10, 11, 20, 35, 105)] == [
        "一", "十", "十一", "二十", "三十五", "一百零五"]
    assert [NumberingStyle.parse("壹、").format(n) for n in (3, 10, 12)] == ["參、", "壹拾、", "壹拾貳、"]


def test_it_parses_placeholders_with_formats_and_arguments():
    tree = parse_template(
        "# 甲\n共 {{ survey.questions.env_a.percent.5|percent }}，"
        "{{ survey.questions|top:top2_percent,3,labels=questions,exclude=\"*_overall\" }}。\n")
    expressions = tree.sections[0].body[0].expressions()
    assert expressions[0].path == ("survey", "questions", "env_a", "percent", "5")
    assert [f.name for f in expressions[0].filters] == ["percent"]
    top = expressions[1].filters[0]
    assert (top.name, top.args, top.kwarg("labels"), top.kwarg("exclude")) == (
        "top", ("top2_percent", "3"), "questions", "*_overall")


def test_it_keeps_a_pipe_inside_a_placeholder_in_one_table_cell():
    tree = parse_template("# 甲\n::: table 表\n| 項目 | 值 |\n| 甲 | {{ a.b|percent }} |\n:::\n")
    block = tree.sections[0].body[0]
    assert len(block.rows[1]) == 2
    assert block.rows[1][1].expressions()[0].name == "a.b"


def test_it_joins_the_lines_of_a_paragraph_without_spaces_between_chinese():
    tree = parse_template("# 甲\n第一行\n第二行 with\nLatin words\n\n新段落\n")
    first, second = tree.sections[0].body
    assert first.items == ["第一行第二行 with Latin words"]
    assert second.items == ["新段落"]


@pytest.mark.parametrize("source, expected", [
    ("# 甲\n數值 {{ a.b\n", "壹、甲（第 2 行第 4 欄）：「{{」沒有對應的「}}」"),
    ("# 甲\n{{ a..b }}\n", "壹、甲（第 2 行第 6 欄）：「.」之後應該是名稱"),
    ("# 甲\n{{ a|percent: }}\n", "壹、甲（第 2 行第 15 欄）：這裡應該是一個參數"),
    ("# 甲\n### 丙\n", "壹、甲（第 2 行第 1 欄）：標題層級跳級：第 1 層之後不能直接是第 3 層"),
    ("# 甲\n::: tabel 表\n:::\n", "壹、甲（第 2 行第 5 欄）：未知的區塊「tabel」"),
    ("# 甲\n::: chart 圖\ncolour: red\n:::\n", "壹、甲（第 3 行第 1 欄）：區塊「chart」沒有「colour」這個設定"),
    ("# 甲\n::: chart 圖\ntype: bar\n:::\n", "壹、甲（第 2 行第 1 欄）：區塊「chart」缺少必要設定「data」"),
    ("# 甲\n::: table 表\n| a |\n", "壹、甲（第 2 行第 1 欄）：區塊「table」沒有以「:::」結束"),
    ("# 甲\n:::\n", "壹、甲（第 2 行第 1 欄）：多餘的「:::」"),
    ("titel: x\n---\n# 甲\n", "第 1 行第 1 欄：未知的設定「titel」"),
    ("前言\n# 甲\n", "第 1 行第 1 欄：內容必須寫在第一個「#」標題之下"),
])
def test_it_names_each_form_error_with_its_section_line_and_column(source, expected):
    assert any(error.startswith(expected) for error in errors_of(source)), errors_of(source)


def test_it_reports_every_error_at_once():
    assert len(errors_of("# 甲\n{{ a.\n::: nope\n:::\n{{ b|x: }}\n")) == 3
