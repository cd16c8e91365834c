"""Blank form documents made from a form's name: an ODT (odfdo) and a one-page PDF
(matplotlib's PDF backend with the Noto Sans CJK TC font). Used by the demo and the tests;
real forms are uploaded by staff."""

import io

from odfdo import Document, Header, Paragraph

FIELD_LINES = ["案號：", "股別：", "義務人（或陳報人）姓名：", "身分證統一編號：", "聯絡電話：",
               "住居所：", "陳述事項：", "", "", "此致", "", "具狀人：　　　　　　（簽名或蓋章）",
               "中華民國　　年　　月　　日"]


def form_odt(*, agency_name: str, form_name: str) -> bytes:
    document = Document("text")
    body = document.body
    body.append(Paragraph(agency_name))
    body.append(Header(1, form_name))
    for line in FIELD_LINES:
        body.append(Paragraph(line.replace("此致", f"此致　{agency_name}")))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def form_pdf(*, agency_name: str, form_name: str) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    figure = Figure(figsize=(8.27, 11.69))  # A4 in inches
    font = {"family": ["Noto Sans CJK TC", "Noto Sans CJK JP", "DejaVu Sans"]}
    figure.text(0.5, 0.94, agency_name, ha="center", fontsize=12, fontdict=font)
    figure.text(0.5, 0.89, form_name, ha="center", fontsize=20, fontdict=font)
    y = 0.82
    for line in FIELD_LINES:
        figure.text(0.1, y, line.replace("此致", f"此致　{agency_name}"), fontsize=12,
                    fontdict=font)
        y -= 0.045
    buffer = io.BytesIO()
    figure.savefig(buffer, format="pdf", metadata={"Title": form_name, "Creator": "servq"})
    return buffer.getvalue()
