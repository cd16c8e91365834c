"""The portal's own pages that are code rather than content, findable by search and listed in
the site map. Other apps declare theirs the same way (a `search_pages.py` with `PAGES`)."""

from .search_index import StaticPage

PAGES = [
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
