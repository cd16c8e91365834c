"""Shilin's related-website links (相關網站連結): the sites the seed names, the agency's own
branches and other public bodies, 94 in all. The demo never contacts them."""

_NAMED = [
    ("行政院", "https://www.ey.gov.tw/"), ("立法院", "https://www.ly.gov.tw/"),
    ("司法院", "https://www.judicial.gov.tw/"), ("考試院", "https://www.exam.gov.tw/"),
    ("監察院", "https://www.cy.gov.tw/"), ("公職新人類", "https://www.dgpa.gov.tw/"),
    ("行政院公報資訊網", "https://gazette.nat.gov.tw/"), ("節能減碳行動網", "https://www.ey.gov.tw/energysaving/"),
    ("Seed", "https://www.seed.net.tw/"), ("Google", "https://www.google.com.tw/"),
    ("PChome", "https://www.pchome.com.tw/"), ("Yam", "https://www.yam.com/"),
    ("Sina", "https://www.sina.com.tw/"), ("我的E政府", "https://www.gov.tw/"),
    ("My E-government", "https://www.gov.tw/en/"), ("e等公務園+學習平臺", "https://elearn.hrd.gov.tw/"),
    ("全國公務人員協會", "https://www.ncsa.org.tw/"), ("內政部憑證管理中心", "https://moica.nat.gov.tw/"),
    ("綠色生活資訊網", "https://greenliving.epa.gov.tw/"), ("全國自殺防治中心", "https://www.tsos.org.tw/"),
    ("台灣就業通", "https://www.taiwanjobs.gov.tw/"), ("法務部全球資訊網", "https://www.moj.gov.tw/"),
    ("法務部戒毒成功專線", "https://antidrug.moj.gov.tw/"), ("全國法規資料庫", "https://law.moj.gov.tw/"),
    ("臺北市政府", "https://www.gov.taipei/"), ("高雄市政府", "https://www.kcg.gov.tw/"),
    ("台灣觀光資訊網", "https://www.taiwan.net.tw/"), ("總統府公報", "https://www.president.gov.tw/Page/317"),
    ("移民署資訊查詢", "https://www.immigration.gov.tw/"), ("165反詐騙諮詢專線", "https://165.npa.gov.tw/"),
    ("人權大步走", "https://www.humanrights.moj.gov.tw/"),
]
_BRANCHES = [
    ("法務部行政執行署", "https://www.aee.gov.tw/"),
    *[(f"法務部行政執行署{name}", f"https://www.{code}.moj.gov.tw/") for code, name in [
        ("tpy", "臺北分署"), ("pcy", "新北分署"), ("tyy", "桃園分署"), ("scy", "新竹分署"),
        ("tcy", "臺中分署"), ("chy", "彰化分署"), ("cyy", "嘉義分署"), ("tny", "臺南分署"),
        ("ksy", "高雄分署"), ("pty", "屏東分署"), ("hly", "花蓮分署"), ("ily", "宜蘭分署")]],
]
_PUBLIC_BODIES = [
    ("內政部", "https://www.moi.gov.tw/"), ("外交部", "https://www.mofa.gov.tw/"),
    ("國防部", "https://www.mnd.gov.tw/"), ("財政部", "https://www.mof.gov.tw/"),
    ("教育部", "https://www.edu.tw/"), ("經濟部", "https://www.moea.gov.tw/"),
    ("交通部", "https://www.motc.gov.tw/"), ("勞動部", "https://www.mol.gov.tw/"),
    ("衛生福利部", "https://www.mohw.gov.tw/"), ("文化部", "https://www.moc.gov.tw/"),
    ("國家發展委員會", "https://www.ndc.gov.tw/"), ("金融監督管理委員會", "https://www.fsc.gov.tw/"),
    ("行政院主計總處", "https://www.dgbas.gov.tw/"), ("行政院人事行政總處", "https://www.dgpa.gov.tw/mp"),
    ("中央選舉委員會", "https://www.cec.gov.tw/"), ("公平交易委員會", "https://www.ftc.gov.tw/"),
    ("國家通訊傳播委員會", "https://www.ncc.gov.tw/"), ("客家委員會", "https://www.hakka.gov.tw/"),
    ("原住民族委員會", "https://www.cip.gov.tw/"), ("國軍退除役官兵輔導委員會", "https://www.vac.gov.tw/"),
    ("法務部廉政署", "https://www.aac.moj.gov.tw/"), ("法務部調查局", "https://www.mjib.gov.tw/"),
    ("法務部矯正署", "https://www.mjac.moj.gov.tw/"), ("最高法院檢察署", "https://www.tps.moj.gov.tw/"),
    ("臺灣士林地方法院", "https://sld.judicial.gov.tw/"), ("臺灣士林地方法院檢察署", "https://www.sld.moj.gov.tw/"),
    ("財政部臺北國稅局", "https://www.ntbt.gov.tw/"), ("財政部北區國稅局", "https://www.ntbna.gov.tw/"),
    ("臺北市稅捐稽徵處", "https://tpctax.gov.taipei/"), ("新北市政府稅捐稽徵處", "https://www.tax.ntpc.gov.tw/"),
    ("衛生福利部中央健康保險署", "https://www.nhi.gov.tw/"), ("勞動部勞工保險局", "https://www.bli.gov.tw/"),
    ("交通部公路總局", "https://www.thb.gov.tw/"), ("臺北市交通事件裁決所", "https://tpcmv.gov.taipei/"),
    ("新北市政府", "https://www.ntpc.gov.tw/"), ("桃園市政府", "https://www.tycg.gov.tw/"),
    ("臺中市政府", "https://www.taichung.gov.tw/"), ("臺南市政府", "https://www.tainan.gov.tw/"),
    ("基隆市政府", "https://www.klcg.gov.tw/"), ("新竹市政府", "https://www.hccg.gov.tw/"),
    ("臺北市社會局", "https://dosw.gov.taipei/"), ("新北市政府社會局", "https://www.sw.ntpc.gov.tw/"),
    ("臺北市就業服務處", "https://esa.gov.taipei/"), ("新北市就業服務處", "https://www.esa.ntpc.gov.tw/"),
    ("政府電子採購網", "https://web.pcc.gov.tw/"), ("政府資訊公開專區", "https://www.moj.gov.tw/2204/"),
    ("國家圖書館", "https://www.ncl.edu.tw/"), ("中央氣象局", "https://www.cwb.gov.tw/"),
    ("國家災害防救科技中心", "https://www.ncdr.nat.gov.tw/"),
    ("法務部法務電子報", "https://www.moj.gov.tw/2204/2645/"),
]
WEB_LINKS = _NAMED + _BRANCHES + _PUBLIC_BODIES
assert len(WEB_LINKS) == 94 and len({url for _, url in WEB_LINKS}) == 94, len(WEB_LINKS)
