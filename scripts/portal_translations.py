"""Fills locale/en/LC_MESSAGES/django.po from the English texts below. After changing public
templates: `DEBUG=1 python manage.py makemessages -l en --ignore=.venv --ignore=node_modules
--ignore=var --no-location`, `msgattrib --no-obsolete -o PO PO`, then this script.

The Chinese msgids live in the templates and code; this table is where their English is kept
and reviewed. Entries not listed keep whatever msgstr the .po already has.
"""

import re
import sys
from pathlib import Path

PO = Path(__file__).resolve().parent.parent / "locale" / "en" / "LC_MESSAGES" / "django.po"

EN = {
    "欠款金額（新臺幣元）": "Amount owed (NT$)",
    "請輸入整數金額，例如 15000。": "Enter a whole number, for example 15000.",
    "請輸入欠款金額。": "Enter the amount owed.",
    "金額請以阿拉伯數字輸入整數，例如 15000。": "Enter the amount as a whole number in digits, for example 15000.",
    "金額必須大於 0 元。": "The amount must be more than 0.",
    "欠款種類": "Kind of debt",
    "請選擇": "Choose one",
    "請選擇欠款種類。": "Choose the kind of debt.",
    "請從清單中選擇欠款種類。": "Choose the kind of debt from the list.",
    "無法一次繳清": "I cannot pay it all at once",
    "搜尋關鍵字": "Search terms",
    "條約、法律、命令及法規": "Treaties, laws, orders and regulations",
    "解釋性規定及裁量基準": "Interpretive rules and discretionary standards",
    "組織、職掌、地址及聯絡方式": "Organisation, functions, address and contacts",
    "行政指導有關文書": "Administrative guidance documents",
    "施政計畫、業務統計及研究報告": "Policy plans, statistics and research reports",
    "預算及決算書": "Budgets and final accounts",
    "請願之處理結果及訴願之決定": "Outcomes of petitions and administrative appeal decisions",
    "公共工程及採購契約": "Public works and procurement contracts",
    "支付或接受之補助": "Subsidies paid or received",
    "合議制機關之會議紀錄": "Minutes of collegial bodies",
    "網頁": "Page",
    "最新消息": "News",
    "常見問題": "FAQ",
    "下載書表": "Form",
    "政府資訊公開": "Information disclosure",
    "綜合所得稅": "Income tax",
    "營業稅": "Business tax",
    "使用牌照稅": "Vehicle licence tax",
    "房屋稅": "House tax",
    "地價稅": "Land value tax",
    "土地增值稅": "Land value increment tax",
    "印花稅": "Stamp tax",
    "娛樂稅": "Amusement tax",
    "契稅": "Deed tax",
    "遺產稅": "Estate tax",
    "贈與稅": "Gift tax",
    "汽車燃料使用費": "Vehicle fuel fee",
    "公路罰鍰": "Highway fine",
    "全民健康保險費": "National health insurance premiums",
    "勞工保險費": "Labour insurance premiums",
    "交通違規罰鍰（監理機關移送）": "Traffic fine (from a motor vehicles office)",
    "其他行政罰鍰或規費": "Other administrative fine or fee",
    "資料有誤，請修正後再送出：": "Please correct the following and submit again:",
    "（必填）": "(required)",
    "錯誤：": "Error: ",
    "頁尾連結": "Footer links",
    "網站導覽": "Site map",
    "隱私權保護宣告": "Privacy statement",
    "資訊安全政策宣告": "Information security statement",
    "地址": "Address",
    "電話": "Telephone",
    "傳真": "Fax",
    "上班時間": "Opening hours",
    "午休不打烊": "Open at lunchtime",
    "法務部行政執行署": "Administrative Enforcement Agency, Ministry of Justice",
    "語言": "Language",
    "主選單": "Main menu",
    "全站搜尋": "Search this site",
    "搜尋": "Search",
    "可輸入一個字以上的詞，多個詞以空白分開（每個詞都要出現）。":
        "Words of one character or more; separate several words with spaces (each must appear).",
    "只看這些類別": "Show only these kinds",
    "搜尋次數過多，請稍候一分鐘再試。": "Too many searches. Please wait a minute and try again.",
    "找到超過 %(n)s 筆結果，以下依相關程度排列最新的結果。":
        "More than %(n)s results; the newest are listed by relevance.",
    ("找到 %(n)s 筆結果。", "找到 %(n)s 筆結果。"): ("%(n)s result found.", "%(n)s results found."),
    "找不到符合的結果。請換個關鍵字，或減少關鍵字。":
        "No results. Try other words, or fewer words.",
    "分頁": "Pages",
    "上一頁": "Previous page",
    "第 %(n)s 頁，共 %(total)s 頁": "Page %(n)s of %(total)s",
    "下一頁": "Next page",
    "跳到主要內容": "Skip to main content",
    "類別": "Category",
    "公開日期": "Published",
    "更新日期": "Updated",
    "下載附件": "Download the attachment",
    "回政府資訊公開": "Back to information disclosure",
    "依政府資訊公開法第7條，本機關主動公開下列十類資訊。":
        "Under Article 7 of the Freedom of Government Information Law we publish these ten kinds of information.",
    "資訊類別": "Categories",
    "標題": "Title",
    "本類目前沒有資料。": "Nothing in this category yet.",
    "目前沒有常見問題。": "No questions yet.",
    "書表下載": "Forms",
    "每種書表都有 ODT 檔（開放文件格式，可用 LibreOffice 等軟體編輯）與 PDF 檔（列印後手寫）。":
        "Every form comes as an ODT file (OpenDocument, editable in LibreOffice and similar "
        "programs) and as a PDF file (to print and fill in by hand).",
    ("共 %(n)s 種書表。", "共 %(n)s 種書表。"): ("%(n)s form.", "%(n)s forms."),
    "書表名稱": "Form",
    "下載": "Download",
    "目前沒有提供下載的書表。": "No forms are offered at present.",
    "便民服務": "Services",
    "更多消息": "More news",
    "目前沒有消息。": "No news yet.",
    "洽公資訊": "Visiting us",
    "%(start)s 至 %(end)s 由同仁在一樓服務台輪值，受理查詢、開單及繳款。":
        "From %(start)s to %(end)s staff at the ground-floor front desk answer questions, issue payment slips and take payments.",
    "法務部行政執行署及所屬分署": "The Administrative Enforcement Agency and its branches",
    "請選擇機關，進入該機關的網站。": "Choose an agency to visit its site.",
    "搜尋所有機關網站": "Search all agencies' sites",
    "發布日期": "Published",
    "回最新消息": "Back to news",
    "午休時間 %(start)s 至 %(end)s 照常服務：同仁在一樓服務台輪值，受理查詢、開單及繳款。":
        "We stay open at lunchtime, %(start)s to %(end)s: staff at the ground-floor front desk answer questions, issue payment slips and take payments.",
    "錯誤": "Error",
    "地址：": "Address: ",
    "電話：": "Telephone: ",
    "傳真：": "Fax: ",
    "上班時間：": "Opening hours: ",
    "更新日期：": "Updated: ",
    "發布日期：": "Published: ",
    "繳款方式查詢": "How to pay",
    "未滿新臺幣 %(limit)s 元的欠款，多數種類可以在便利商店繳納。請輸入金額與欠款種類，查詢可以在哪裡繳款。":
        "Most kinds of debt under NT$%(limit)s can be paid at a convenience store. Enter the amount and the kind of debt to see where you can pay.",
    "查詢": "Look up",
    "%(category)s，新臺幣 %(amount)s 元：可以這樣繳款": "%(category)s, NT$%(amount)s: ways to pay",
    "便利商店：持繳款通知書到便利商店櫃檯繳納，不收手續費，24 小時都可以繳。":
        "Convenience store: take the payment notice to any convenience store counter, free of charge, 24 hours a day.",
    "金融機構或郵局：持繳款通知書到銀行或郵局櫃檯繳納。":
        "Bank or post office: pay at the counter with the payment notice.",
    "匯款：依繳款通知書上的帳號，在銀行或郵局匯款，或用郵政劃撥。":
        "Remittance: transfer to the account on the payment notice at a bank or post office, or by postal giro.",
    "分署開單櫃檯：上班時間到分署開立繳款單並繳納（午休時間也有同仁輪值）。":
        "The branch's cashier counter: get a payment slip and pay during opening hours (staffed at lunchtime too).",
    "金額達新臺幣 %(limit)s 元以上，不能在便利商店繳納。":
        "Amounts of NT$%(limit)s or more cannot be paid at a convenience store.",
    "這個欠款種類不能在便利商店繳納。": "This kind of debt cannot be paid at a convenience store.",
    "這個種類自 %(since)s 起才能在便利商店繳納。":
        "Convenience stores take this kind of debt only from %(since)s.",
    "便利商店自 %(since)s 起代收此種欠款。": "Convenience stores have taken this kind of debt since %(since)s.",
    "分期繳納": "Paying in instalments",
    "經濟困難、無法一次繳清的人，可以向承辦股的執行人員申請分期繳納。請帶身分證明文件及繳款通知書，並說明收入與家庭狀況；必要時可以請分署協助轉介社會福利資源。":
        "If you are in financial difficulty and cannot pay at once, ask the enforcement officer of "
        "the section handling your case for instalments. Bring proof of identity and the payment "
        "notice, and explain your income and household; the branch can also refer you to social "
        "welfare services.",
    "「%(q)s」的搜尋結果": "Search results for “%(q)s”",
    "本頁列出網站的所有頁面。每頁最上方有「跳到主要內容」連結，按 Tab 鍵即可看到；所有功能都可以只用鍵盤操作。":
        "This page lists every page of the site. Each page starts with a “Skip to main content” "
        "link that appears when you press Tab; everything works with the keyboard alone.",
    "主要頁面": "Main pages",
    "說明與宣告": "Guides and statements",
    "線上服務": "Online services",
    # The questionnaire (surveys app): the texts around the questions; the questions
    # and options themselves are data, in the questionnaire's English fields.
    "（選填）": " (optional)",
    "不回答": "No answer",
    "感謝您的填答，問卷已送出。": "Thank you: your answers have been sent.",
    "下一位民眾可以開始填寫。": "The next visitor can start now.",
    "每一題都可以不回答；選好後按頁面最下方的「送出問卷」。":
        "You may leave any question unanswered. When you are done, press “Send my answers” "
        "at the bottom of the page.",
    "答完後，請按頁面最下方的「送出問卷」。":
        "When you are done, press “Send my answers” at the bottom of the page.",
    "送出問卷": "Send my answers",
    "清除答案，重新開始": "Clear the answers and start again",
    "感謝您的填答": "Thank you for your answers",
    "您的問卷已送出。您的意見會做為我們改進服務的依據。":
        "Your answers have been sent. We use them to improve our service.",
    "回到首頁": "Back to the home page",
    "目前沒有開放填寫的問卷": "No questionnaire is open at present",
    "%(name)s目前沒有開放民眾填寫的滿意度問卷。":
        "%(name)s has no satisfaction questionnaire open to the public at present.",
    "如有意見，歡迎透過民意信箱或現場服務台告訴我們。":
        "If you have comments, please tell us through the opinion mailbox or at the front desk.",
    "這份表單已失效，請重新整理頁面後再填寫。":
        "This form has expired. Please reload the page and fill it in again.",
    "請從這一題的選項中擇一，或選「不回答」。":
        "Choose one of this question's answers, or “No answer”.",
    "意見最多 %(limit_value)d 字（目前 %(show_value)d 字）。":
        "Comments can be at most %(limit_value)d characters (this one has %(show_value)d).",
    "請至少回答一題再送出。": "Answer at least one question before sending.",
    # The opinion and ethics mailboxes, the receipt and tracking (petitions app).
    "民意信箱": "Opinion mailbox",
    "廉政信箱": "Ethics mailbox",
    "送出前請閱讀": "Please read before you send",
    "歡迎對本機關的服務、執行案件或執行人員的態度提出意見。送出後您會得到案號及查詢碼，可隨時查詢處理進度。":
        "Tell us what you think of our service, of an enforcement case or of the manner of our "
        "enforcement staff. When you send it you get a case number and a tracking code, with "
        "which you can follow its progress at any time.",
    "本信箱受理本機關人員涉及貪瀆或不法的檢舉，由政風室處理。":
        "This mailbox takes reports of corruption or other wrongdoing by our staff. The ethics "
        "office handles them.",
    "檢舉人的身分依公益揭弊者保護法保密：與檢舉內容分開保存，只有政風室在必要時敘明理由才能查閱，每次查閱都留有紀錄。":
        "Under the Whistleblower Protection Act your identity is kept secret: it is stored "
        "apart from the report, only the ethics office may look at it, when needed and with "
        "a stated reason, and every look is recorded.",
    "依行政程序法第 168 條以下及行政院處理人民陳情案件的規定，陳情應寫明真實姓名、聯絡方式及具體的陳情事項。沒有具名或聯絡方式、或沒有具體內容的陳情，本機關得僅登錄存查，不予處理。":
        "Under Articles 168 and following of the Administrative Procedure Act and the Executive "
        "Yuan's rules on petitions, a petition gives your real name, how to reach you and the "
        "concrete matter. A petition without a name or contact details, or without concrete "
        "content, may be registered and filed without being processed.",
    "您提供的個人資料只用於處理本件陳情及與您聯繫，並依個人資料保護法保護。":
        "The personal data you give are used only to handle this petition and to contact you, "
        "and are protected under the Personal Data Protection Act.",
    "陳情人資料": "About you",
    "檢舉人資料": "About you (optional)",
    "陳情事項": "Your petition",
    "附件（可不附）": "Attachments (optional)",
    "只接受 PDF、JPG、PNG 檔，每個檔案不超過 %(size)s MB，最多 3 個。":
        "PDF, JPG or PNG files only, up to 3 files of at most %(size)s MB each.",
    "送出": "Send",
    "查詢處理進度": "Track its progress",
    "請勿填寫此欄": "Leave this field empty",
    "姓名": "Name",
    "電子郵件": "E-mail",
    "填寫後，案號與查詢碼也會寄到這個信箱。":
        "If you give one, the case number and tracking code are also sent to this address.",
    "聯絡電話": "Telephone",
    "通訊地址": "Postal address",
    "陳情事項類別": "What it is about",
    "承辦股別（涉及執行案件且知悉時）": "Handling section (for an enforcement case, if you know it)",
    "不知道或不適用": "I don't know, or it does not apply",
    "繳款通知書上印有承辦股別，例如「甲股」。":
        "The section is printed on your payment notice, for example 甲股.",
    "執行案號（如有）": "Enforcement case number (if any)",
    "主旨": "Subject",
    "陳情內容": "Your petition in full",
    "請具體說明事實、時間、地點及您的訴求。":
        "Describe the facts, when and where they happened, and what you ask for.",
    "可不具名；匿名檢舉可能無法查證處理。":
        "You may leave it out, but an anonymous report may be impossible to look into.",
    "附件": "Attachment",
    "PDF、JPG 或 PNG，可不附。": "PDF, JPG or PNG; optional.",
    "這個欄位必須保持空白。": "This field must stay empty.",
    "填寫問卷": "Take the questionnaire",
    "這台裝置不是服務台問卷平板": "This device is not a counter questionnaire tablet",
    "服務台平板須由本機關工作人員登入後設定，才能使用現場問卷模式。":
        "A counter tablet must be set up by a member of staff who signs in on it before it "
        "can show the questionnaire in counter mode.",
    "歡迎改用網路版問卷，內容完全相同。":
        "You are welcome to use the web questionnaire instead; its questions are the same.",
    "請至少留下一種聯絡方式（電子郵件、電話或地址）。":
        "Give at least one way to reach you (e-mail, telephone or address).",
    "附件「%(name)s」有 %(size)s，超過上限 %(limit)s，請縮小或分開寄送。":
        "The attachment “%(name)s” is %(size)s, over the limit of %(limit)s. Make it smaller "
        "or send it separately.",
    "附件「%(name)s」的內容不是 PDF、JPG 或 PNG 檔（系統依檔案內容判斷，不看副檔名），請改用這三種格式。":
        "The attachment “%(name)s” is not a PDF, JPG or PNG file (we look at its content, not "
        "its name). Please use one of these three formats.",
    "送出次數過多，請於 %(minutes)d 分鐘後再試。":
        "Too many submissions. Please try again in %(minutes)d minutes.",
    "資料有誤，請修正下列項目：": "Please correct the following:",
    "%(label)s：%(error)s": "%(label)s: %(error)s",
    "已收到您的陳情": "We have received your petition",
    "案號": "Case number",
    "查詢碼": "Tracking code",
    "請記下案號與查詢碼；兩者一起才能查詢處理進度。查詢碼只在這裡顯示（如留有電子郵件，也會寄給您），請勿告訴他人。":
        "Write down the case number and the tracking code: you need both to follow the "
        "progress. The code is shown only here (and sent to you if you gave an e-mail "
        "address); do not tell it to anyone.",
    "這份陳情先前已送出並登錄，不會重複處理。查詢碼已在第一次送出時顯示；如留有電子郵件，也已寄給您。":
        "This petition was already sent and registered; it will not be handled twice. The "
        "tracking code was shown when you first sent it, and e-mailed to you if you gave an "
        "address.",
    "陳情案件進度查詢": "Track a petition",
    "案號 %(number)s": "Case %(number)s",
    "處理狀態": "Status",
    "收件日期": "Received on",
    "處理期限": "Due by",
    "回覆日期": "Replied on",
    "結案日期": "Closed on",
    "請輸入送出陳情時取得的案號及查詢碼。為防止猜測，查詢次數有限制。":
        "Enter the case number and tracking code you received when you sent the petition. "
        "To stop guessing, the number of lookups is limited.",
    "查詢次數過多，請於 %(minutes)d 分鐘後再試。":
        "Too many lookups. Please try again in %(minutes)d minutes.",
    "案號或查詢碼不正確。": "The case number or the tracking code is wrong.",
    "已收件，待分案": "Received, waiting to be assigned",
    "處理中": "Being handled",
    "已回覆": "Replied",
    "已結案": "Closed",
    "已登錄，依規定不予處理": "Registered; not processed, as the rules allow",
    "%(agency)s已收到您的陳情（案號 %(number)s）":
        "%(agency)s has received your petition (case %(number)s)",
    "您好：": "Hello,",
    "案號：%(value)s": "Case number: %(value)s",
    "查詢碼：%(value)s": "Tracking code: %(value)s",
    "收件日期：%(value)s": "Received on: %(value)s",
    "%(agency)s已收到您的陳情，收件資料如下：":
        "%(agency)s has received your petition. The details:",
    "請妥善保存案號與查詢碼，可於下列網頁查詢處理進度（請勿將查詢碼告訴他人）：":
        "Keep the case number and tracking code; you can follow the progress on this page "
        "(do not tell anyone the tracking code):",
    "本郵件由系統自動寄出，請勿直接回覆。": "This message was sent automatically; please do not reply to it.",
}


def po_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def unquote(lines: list[str]) -> str:
    return "".join(re.match(r'^(?:msgid(?:_plural)? |msgstr(?:\[\d\])? )?"(.*)"$', line).group(1)
                   for line in lines).replace('\\"', '"').replace("\\n", "\n")


def fill(text: str) -> tuple[str, list[str]]:
    blocks, missing = text.split("\n\n"), []
    out = []
    for block in blocks:
        lines = block.split("\n")
        keys = [i for i, line in enumerate(lines) if re.match(r"^(msgid|msgid_plural|msgstr)", line)]
        if not keys or not any(line.startswith('msgid "') for line in lines):
            out.append(block)
            continue
        parts: dict[str, list[str]] = {}
        current = None
        head = []
        for line in lines:
            match = re.match(r"^(msgid_plural|msgid|msgstr(?:\[\d\])?) ", line)
            if match:
                current = match.group(1)
                parts[current] = [line]
            elif current and line.startswith('"'):
                parts[current].append(line)
            else:
                head.append(line)
        msgid = unquote(parts["msgid"])
        if not msgid:
            out.append(block)
            continue
        # makemessages guesses from similar old entries (fuzzy, "#|" lines): the table decides.
        head = [re.sub(r"^#, fuzzy(, )?", "#, ", h) for h in head if not h.startswith("#|")]
        head = [h for h in head if h != "#, "]
        plural = unquote(parts["msgid_plural"]) if "msgid_plural" in parts else None
        key = (msgid, plural) if plural else msgid
        if key not in EN:
            missing.append(msgid)
            out.append(block)
            continue
        body = head + parts["msgid"] + (parts.get("msgid_plural") or [])
        if plural:
            one, many = EN[key]
            body += [f"msgstr[0] {po_string(one)}", f"msgstr[1] {po_string(many)}"]
        else:
            body += [f"msgstr {po_string(EN[key])}"]
        out.append("\n".join(body))
    return "\n\n".join(out), missing


if __name__ == "__main__":
    text, missing = fill(PO.read_text(encoding="utf-8"))
    text = text.replace('"Language: \\n"', '"Language: en\\n"')
    text = text.replace('#, fuzzy\nmsgid ""\nmsgstr ""', 'msgid ""\nmsgstr ""', 1)
    PO.write_text(text, encoding="utf-8")
    for msgid in missing:
        print("no English for:", msgid, file=sys.stderr)
    sys.exit(1 if missing else 0)
