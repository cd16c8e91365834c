"""Pages that are code rather than content, findable by search and listed in the site map.

The portal declares its own and those of the apps it mounts (the questionnaire, the
mailboxes, tracking): a page whose URL name does not resolve in a build is left out. Another
app may declare more pages in its own `search_pages.py` with `PAGES`.
"""

from .search_index import StaticPage

PAGES = [
    StaticPage(
        key="surveys.questionnaire", url_name="portal:surveys_public:form", menu=True,
        title_zh="問卷調查", title_en="Questionnaire",
        body_zh="為民服務暨政風狀況問卷：洽公後請花幾分鐘填寫，告訴我們服務態度、洽公環境、便民措施"
                "與行政流程的滿意程度；每一題都可以略過，不必留下姓名。",
        body_en="The service and integrity questionnaire: after your visit, tell us in a few "
                "minutes how satisfied you were with our staff, premises, services and "
                "procedures; every question may be skipped and no name is asked.",
    ),
    StaticPage(
        key="petitions.opinion", url_name="portal:petitions_public:opinion", menu=True,
        title_zh="民意信箱", title_en="Opinion mailbox",
        body_zh="向分署陳情、提出意見、建議或抱怨。請留下真實姓名與聯絡方式並具體說明事項，"
                "送出後會得到案號與查詢碼，可以查詢處理進度。",
        body_en="Send the branch a petition, opinion, suggestion or complaint. Give your real "
                "name, how to reach you and the facts; you receive a case number and a "
                "tracking code to follow it.",
    ),
    StaticPage(
        key="petitions.ethics", url_name="portal:petitions_public:ethics",
        title_zh="廉政信箱", title_en="Ethics mailbox",
        body_zh="檢舉貪瀆或不法行為，由政風室處理；檢舉人的身分依法保密。",
        body_en="Report corruption or wrongdoing to the ethics office; the reporter's "
                "identity is protected by law.",
    ),
    StaticPage(
        key="petitions.track", url_name="portal:petitions_public:track",
        title_zh="陳情案件查詢", title_en="Track a petition",
        body_zh="輸入案號與查詢碼，查詢陳情案件的處理狀態與日期。",
        body_en="Enter the case number and tracking code to see a petition's status and dates.",
    ),
    StaticPage(
        key="portal.payment", url_name="portal:payment",
        title_zh="繳款方式查詢", title_en="How to pay",
        body_zh="輸入欠款金額與種類，查詢可否在便利商店繳納，或到銀行、郵局匯款，或到分署開單櫃檯繳款；"
                "一次繳不完的人可以向承辦股申請分期繳納。",
        body_en="Enter the amount and the kind of debt to see whether it can be paid at a "
                "convenience store, by bank or post-office remittance, or at the branch's "
                "cashier counter, and how to ask the handling section for instalments.",
    ),
    StaticPage(
        key="portal.forms", url_name="portal:forms",
        title_zh="書表下載", title_en="Forms to download",
        body_zh="各種書狀與申請書表，提供可編輯的 ODT 檔與 PDF 檔，可自行下載填寫。",
        body_en="Applications and statements for enforcement matters, as editable ODT "
                "documents and as PDF files.",
    ),
    StaticPage(
        key="portal.news", url_name="portal:news",
        title_zh="最新消息", title_en="News",
        body_zh="分署的公告、活動與拍賣訊息。",
        body_en="Announcements, events and auction notices of the branch.",
    ),
    StaticPage(
        key="portal.faq", url_name="portal:faq",
        title_zh="常見問題", title_en="Frequently asked questions",
        body_zh="民眾到分署洽公、繳款、查詢案件時常問的問題與回答。",
        body_en="Questions citizens often ask about visiting, paying and case enquiries.",
    ),
    StaticPage(
        key="portal.disclosure", url_name="portal:disclosure",
        title_zh="政府資訊公開", title_en="Information disclosure",
        body_zh="依政府資訊公開法第7條主動公開的資訊，分為十類，例如法規、組織職掌、施政計畫、"
                "業務統計、預算決算、採購契約與會議紀錄。",
        body_en="Information published under Article 7 of the Freedom of Government "
                "Information Law, in its ten categories such as regulations, organisation, "
                "plans, statistics, budgets, procurement contracts and minutes.",
    ),
    StaticPage(
        key="portal.sitemap", url_name="portal:sitemap",
        title_zh="網站導覽", title_en="Site map",
        body_zh="本網站所有頁面的清單，方便以鍵盤或螢幕報讀軟體找到所需頁面。",
        body_en="A list of every page of this site, for finding a page by keyboard or screen reader.",
    ),
]
