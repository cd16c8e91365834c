"""Shilin's demo public content (our own words; facts and names from the seed report).

Kept apart from demo.py (which writes it) because it is long. English texts are short
renderings of the Chinese.
"""

from datetime import date

# The 18 downloadable forms the seed lists (參與分配 comes in two versions).
FORM_NAMES = [
    ("委任狀", "Power of attorney"),
    ("應買程序進行單", "Bidding procedure sheet"),
    ("申請撤回點交狀", "Application to withdraw a handover"),
    ("申明應買狀", "Declaration to buy"),
    ("申請點交不動產狀", "Application for handover of real property"),
    ("第三人陳報扣薪債權或聲明異議狀", "Third party's report on garnished wages or objection"),
    ("申請變更送達住所狀", "Application to change the address for service"),
    ("申請變更日期狀", "Application to change a date"),
    ("申明參與分配狀（一）", "Declaration to share in distribution (1)"),
    ("申明參與分配狀（二）", "Declaration to share in distribution (2)"),
    ("聲明異議狀（第三人）", "Objection (third party)"),
    ("申請延緩執行狀", "Application to defer enforcement"),
    ("申明承受狀", "Declaration to take over property"),
    ("申請除去租賃權拍賣狀", "Application to auction free of a lease"),
    ("不動產投標書", "Tender for real property"),
    ("閱覽卷宗申請書", "Application to read the case file"),
    ("為民服務暨政風狀況問卷調查表", "Citizen service and integrity questionnaire"),
    ("代辦不動產繼承登記申請書", "Application for registration of inherited real property"),
]
FORMS_OFFERED_FROM = date(2014, 1, 2)

PROFILE = dict(
    address_zh="臺北市士林區（示範地址）",
    address_en="Shilin District, Taipei City (demo address)",
    phone="(02) 2000-0000",
    fax="(02) 2000-0001",
    email="service@sly.example.gov.tw",
    hours_zh="星期一至星期五 08:30–17:30（國定假日休息）",
    hours_en="Monday to Friday, 08:30–17:30 (closed on national holidays)",
    lunch_service=True,
)

PAGES = {
    "service-guide": dict(
        title_zh="為民服務", title_en="Citizen services",
        body_zh="""## 單一窗口
走進一樓大廳，服務台的志工會先問您要辦什麼，再帶您到對的櫃檯：要繳給移送機關的款項，到該機關派駐本分署的櫃檯；要由本分署開單繳款，到開單櫃檯；要詢問或洽辦案件，直接找承辦股的執行人員。
- 財政部臺北國稅局、北區國稅局、臺北市與新北市稅捐稽徵處、中央健康保險署及勞工保險局都有同仁常駐本分署。
- 各股的股別與承辦人員姓名、職稱都標示在櫃檯上。

## 要帶什麼
繳款、申訴、陳情都不需要另外準備文件。參加拍賣只要帶身分證明文件；不動產拍賣另需投標書。由代理人辦理時，請帶委任狀。

## 上班時間與午休服務
上班日都可以臨櫃辦理。中午 12:30 到 13:30 也有同仁在一樓服務台輪值，可以查詢、開單及繳款，不必請假專程前來。

## 繳款管道
未滿 2 萬元的欠款，多數種類可以到便利商店繳納；也可以到銀行或郵局匯款。一次繳不完的人，可以向承辦人員申請分期。詳見「繳款方式查詢」。

## 設施
一樓有服務台、多媒體導覽機、免費無線網路與充電座；館內並有無障礙廁所、哺集乳室、兒童遊憩區與閱覽室。""",
        body_en="""## One window
At the front desk in the lobby a volunteer asks what you need and takes you to the right counter: the counter of the agency that referred your case, the cashier counter of the branch, or the clerk of the section handling your case.
- Tax offices, the National Health Insurance Administration and the Bureau of Labor Insurance keep staff at the branch.
- Every counter shows the section and the clerk's name and title.

## What to bring
Payments, complaints and petitions need no documents. To bid at an auction bring proof of identity; real-property auctions also need a tender form. A representative brings a power of attorney.

## Opening hours and lunchtime service
Counters are open on working days. From 12:30 to 13:30 staff at the front desk still answer questions, issue payment slips and take payments.

## Ways to pay
Most debts under NT$20,000 can be paid at a convenience store, or by bank or post-office remittance. If you cannot pay all at once, ask the clerk about instalments. See "How to pay".

## Facilities
Front desk, multimedia guide, free Wi-Fi and charging in the lobby; accessible toilets, a nursing room, a children's corner and a reading room.""",
    ),
    "privacy": dict(
        title_zh="隱私權保護宣告", title_en="Privacy statement",
        body_zh="""## 我們收集什麼
瀏覽本網站不需要提供個人資料。只有在您使用民意信箱、廉政信箱、案件查詢或填寫問卷時，才會請您提供完成該服務所需的資料。

## 如何使用
您提供的資料只用於處理您的意見或申請，依個人資料保護法保存與利用，不會提供給其他人，法律另有規定者除外。檢舉人的身分另行保存，只有政風室能讀取。

## 紀錄與安全
伺服器會記錄連線位址與時間，用於維護系統安全與統計，不會用來辨識個人。本網站不使用追蹤或廣告用的 Cookie。""",
        body_en="""## What we collect
You can browse this site without giving any personal data. Only the mailboxes, case enquiries and the questionnaire ask for what the service needs.

## How it is used
Your data are used only to handle your message or request, kept under the Personal Data Protection Act, and not passed to anyone unless the law requires. A whistleblower's identity is stored apart and only the ethics office can read it.

## Logs and security
The server records connection addresses and times for security and statistics, not to identify people. This site sets no tracking or advertising cookies.""",
    ),
    "security": dict(
        title_zh="資訊安全政策宣告", title_en="Information security statement",
        body_zh="""## 目標
確保網站與系統的資料不被竄改、洩漏或中斷，讓民眾可以放心使用。

## 作法
- 網站只接受加密連線，並設定內容安全政策（CSP）等安全標頭。
- 公開表單不使用圖形驗證碼，改以流量限制與誘捕欄位防止大量自動送件，使視障朋友也能使用。
- 系統依角色控管權限，接觸個人資料的操作都留下稽核紀錄。
- 網頁推動小組每季檢查網頁內容與連結是否正確、有無遭到置換。

## 通報
如發現本網站有安全疑慮，請透過民意信箱告訴我們。""",
        body_en="""## Aim
Keep the site's data from being altered, leaked or interrupted, so that citizens can use it with confidence.

## How
- Encrypted connections only, with a Content Security Policy and other security headers.
- No picture CAPTCHA on public forms (it shuts out blind users); request limits and a hidden trap field stop automated floods instead.
- Access is granted by role, and every use of personal data is recorded in an audit trail.
- The web team checks pages and links every quarter for errors and tampering.

## Reporting
If you notice a security problem on this site, please tell us through the opinion mailbox.""",
    ),
}

FAQ = [
    ("收到傳繳通知書，可以在哪裡繳款？", "Where can I pay after receiving a payment notice?",
     "未滿 2 萬元的欠款，多數種類可以持通知書到便利商店繳納；也可以依通知書上的帳號到銀行或郵局匯款，或到本分署開單櫃檯繳納。可先用「繳款方式查詢」確認。",
     "Most debts under NT$20,000 can be paid at a convenience store with the notice; you can also remit to the account on the notice at a bank or post office, or pay at the branch's cashier counter. Try \"How to pay\" first."),
    ("一次繳不出全部欠款怎麼辦？", "What if I cannot pay the whole debt at once?",
     "經濟困難的人，可以向承辦股的執行人員申請分期繳納。請帶身分證明文件，並說明收入與家庭狀況。",
     "If you are in financial difficulty, ask the clerk of the handling section for instalments. Bring proof of identity and explain your income and household."),
    ("中午可以去辦事嗎？", "Can I come at lunchtime?",
     "可以。每個上班日 12:30 至 13:30 都有同仁在一樓服務台輪值，受理查詢、開單與繳款。",
     "Yes. On every working day from 12:30 to 13:30 staff at the front desk answer questions, issue payment slips and take payments."),
    ("參加拍賣要準備什麼？", "What do I need to take part in an auction?",
     "動產拍賣只要帶身分證明文件。不動產拍賣需要填寫不動產投標書，並依拍賣公告繳納保證金。拍賣公告刊登在最新消息與政府資訊公開。",
     "For movable property, proof of identity is enough. For real property, fill in the tender form and pay the deposit the auction notice states. Notices are under News and Information disclosure."),
    ("如何查詢案件進度？", "How do I check the progress of my case?",
     "可以到分署現場、打電話給承辦股，或在網站上查詢；陳情案件可以用收到的案號與查詢碼查詢處理情形。",
     "Ask at the branch, call the handling section, or look it up online; for a petition use the case number and tracking code you received."),
    ("對執行人員的態度有意見，要找誰？", "Whom do I tell about a staff member's attitude?",
     "請利用民意信箱或書面陳情。涉及執行態度的意見會送執行態度考核小組處理；涉及貪瀆不法請利用廉政信箱，檢舉人的身分會受到保護。",
     "Use the opinion mailbox or write to us. Remarks on attitude go to the attitude review committee; report corruption through the ethics mailbox, which protects the reporter's identity."),
    ("委託別人代辦需要什麼文件？", "What does a representative need?",
     "代理人請攜帶委任狀及本人與代理人的身分證明文件。委任狀可在「書表下載」取得。",
     "A representative brings a power of attorney and both people's proof of identity. The form is under Forms."),
    ("有沒有停車位和無障礙設施？", "Is there parking and step-free access?",
     "本分署提供洽公停車，並設有無障礙廁所、輪椅、愛心鈴與哺集乳室。需要協助請告訴服務台。",
     "Parking is available for visitors, with accessible toilets, wheelchairs, a help bell and a nursing room. Ask the front desk for help."),
]

# (category, title zh, title en, body zh, published, with a PDF attachment)
DISCLOSURE = [
    (1, "行政執行法及施行細則", "Administrative Execution Act and its enforcement rules",
     "行政執行業務依據的法律與命令，連結至全國法規資料庫。", date(2015, 1, 5), False),
    (2, "分期繳納案件處理原則", "Guidelines on instalment payments",
     "義務人申請分期繳納時，執行人員審酌的事項與分期期數的基準。", date(2015, 2, 10), True),
    (3, "組織、職掌與聯絡方式", "Organisation, functions and contacts",
     "本分署設執行一科、執行二科及秘書、人事、政風、會計、統計各室，共 15 股；各股電話與傳真。",
     date(2015, 1, 5), False),
    (4, "超商繳款宣導單", "Leaflet: paying at convenience stores",
     "說明未滿 2 萬元欠款可以到便利商店繳納的種類與方式。", date(2015, 3, 2), True),
    (5, "104 年度施政計畫", "2015 work plan",
     "本年度提升服務品質、加強執行績效與便民措施的計畫。", date(2015, 1, 20), True),
    (5, "104 年第 1 季業務統計", "Statistics, first quarter of 2015",
     "新收、終結與徵起金額等執行業務統計。", date(2015, 4, 15), True),
    (6, "104 年度預算書", "2015 budget", "本分署年度預算。", date(2015, 1, 30), True),
    (7, "陳情案件處理情形", "How petitions were handled",
     "民意信箱與書面陳情的件數、平均處理天數與處理結果摘要。", date(2015, 7, 10), False),
    (8, "104 年度清潔勞務採購契約", "2015 cleaning services contract",
     "辦公廳舍清潔勞務的採購契約摘要。", date(2015, 2, 26), True),
    (9, "104 年度補助事項", "Subsidies in 2015", "本年度無支付或接受之補助。", date(2015, 1, 30), False),
    (10, "參與提升為民服務品質巡查小組會議紀錄", "Minutes of the service inspection team",
     "巡查小組檢視服務設施與改善事項的會議紀錄。", date(2015, 6, 26), True),
]

# News of 2015: (date, title zh, title en). The seed counts 30 website updates in H1 2015.
NEWS = [
    (date(2015, 1, 6), "士林分署不動產拍賣公告（第一批）", "Real-property auction notice (batch 1)"),
    (date(2015, 1, 14), "欠稅未滿 2 萬元可到便利商店繳納", "Tax debts under NT$20,000 payable at convenience stores"),
    (date(2015, 1, 19), "公共藝術設置案研習", "Workshop on public art in the office building"),
    (date(2015, 1, 27), "動產拍賣公告：汽車二輛", "Movable-property auction: two cars"),
    (date(2015, 1, 30), "農曆春節期間服務時間", "Service hours over the Lunar New Year"),
    (date(2015, 2, 2), "替代役役男關懷獨居長者", "Alternative-service recruits visit elderly people living alone"),
    (date(2015, 2, 5), "同仁捐血 14 袋", "Staff donate 14 bags of blood"),
    (date(2015, 2, 12), "協助寒士尾牙活動", "Helping at a year-end dinner for people in need"),
    (date(2015, 2, 13), "廉政案例專題演講", "Talk on integrity cases"),
    (date(2015, 2, 24), "不動產拍賣公告（第二批）", "Real-property auction notice (batch 2)"),
    (date(2015, 3, 4), "區分所有建物基地拍賣實例講座", "Lecture on auctioning land under condominiums"),
    (date(2015, 3, 10), "綜合所得稅欠稅義務人請儘早繳納", "Income-tax debtors: please pay early"),
    (date(2015, 3, 18), "心靈生活講座", "Talk on wellbeing"),
    (date(2015, 3, 27), "危機管理講座", "Talk on crisis management"),
    (date(2015, 4, 7), "動產拍賣公告：機具一批", "Movable-property auction: machinery"),
    (date(2015, 4, 14), "午休時間照常受理繳款", "Payments taken at lunchtime too"),
    (date(2015, 4, 21), "不動產拍賣公告（第三批）", "Real-property auction notice (batch 3)"),
    (date(2015, 4, 28), "勞保、健保欠費可到便利商店繳納", "Labour and health insurance arrears payable at stores"),
    (date(2015, 4, 30), "民意信箱陳情處理說明", "How the opinion mailbox handles petitions"),
    (date(2015, 5, 6), "毒品危害防制講座", "Talk on drug harm prevention"),
    (date(2015, 5, 11), "全球政經情勢講座", "Talk on the global political economy"),
    (date(2015, 5, 15), "綜合所得稅申報期間稅務宣導", "Tax information during the filing season"),
    (date(2015, 5, 20), "不動產拍賣公告（第四批）", "Real-property auction notice (batch 4)"),
    (date(2015, 5, 27), "經濟困難者可申請分期繳納", "Instalments for people in financial difficulty"),
    (date(2015, 5, 29), "動產拍賣公告：珠寶飾品", "Movable-property auction: jewellery"),
    (date(2015, 6, 3), "營業稅欠稅執行成果", "Results of business-tax enforcement"),
    (date(2015, 6, 10), "職場舒壓講座", "Talk on stress at work"),
    (date(2015, 6, 16), "退休理財說明會", "Briefing on retirement planning"),
    (date(2015, 6, 19), "端午節連假服務時間", "Service hours over the Dragon Boat holiday"),
    (date(2015, 6, 24), "不動產拍賣公告（第五批）", "Real-property auction notice (batch 5)"),
    (date(2015, 7, 8), "地價稅欠稅請儘速繳納", "Land-value tax debtors: please pay"),
    (date(2015, 7, 22), "動產拍賣公告：辦公設備", "Movable-property auction: office equipment"),
    (date(2015, 8, 12), "不動產拍賣公告（第六批）", "Real-property auction notice (batch 6)"),
    (date(2015, 9, 2), "颱風期間服務調整", "Service changes during typhoons"),
]


def news_body(title_zh: str, title_en: str) -> tuple[str, str]:
    """A short body for a demo news item, from the kind of item its title shows."""
    if "拍賣" in title_zh:
        return (f"{title_zh}：拍賣標的、底價、保證金及看屋時間詳見附件公告。有意應買的人請詳閱公告，"
                "並依規定繳納保證金；不動產拍賣請使用不動產投標書。",
                f"{title_en}: items, reserve prices, deposits and viewing times are in the "
                "notice. Bidders for real property use the tender form.")
    if "稅" in title_zh or "繳" in title_zh or "分期" in title_zh:
        return (f"{title_zh}。未滿 2 萬元的欠款多數可以到便利商店繳納，經濟困難的人可以向承辦人員申請分期；"
                "詳見網站的繳款方式查詢。",
                f"{title_en}. Most debts under NT$20,000 can be paid at a convenience store; "
                "people in difficulty can ask for instalments. See How to pay.")
    if "陳情" in title_zh or "信箱" in title_zh:
        return (f"{title_zh}：民意信箱的意見由秘書室登記文號後分送承辦單位，涉及個案的轉為陳字案件由承辦股處理，"
                "無法如期答覆時會先以電話說明進度。",
                f"{title_en}: messages are registered by the secretariat and sent to the unit "
                "concerned; if a reply will be late we call the petitioner first.")
    return (f"{title_zh}。歡迎民眾參考，洽詢請電本分署總機。",
            f"{title_en}. For more, call the branch's switchboard.")
