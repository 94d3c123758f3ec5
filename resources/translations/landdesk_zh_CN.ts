<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name />
    <message>
        <location filename="../../ui/errors.py" line="53" />
        <source>the data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="54" />
        <source>Something went wrong and the operation was not completed. Nothing was half-saved. Details were written to the log: {log}</source>
        <translation>操作未能完成，没有保存任何半成品数据。详细情况已写入日志：{log}</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="59" />
        <source>Error</source>
        <translation>出错了</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../ui/intake_fields.py" line="166" />
        <source>Hide this message</source>
        <translation>关闭此提示</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <location filename="../../ui/calendar_page.py" line="74" />
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="74" />
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="74" />
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="75" />
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="75" />
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="75" />
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="76" />
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="82" />
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="95" />
        <source>Tick once every holiday and make-up working day of the year's official notice is entered. Until then deadlines falling in this year are marked tentative.</source>
        <translation>国务院办公厅当年节假日安排通知中的每个节假日和调休上班日都录入后再勾选。勾选前，落在该年度的期限都标注为待定。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="127" />
        <source>Change the selected day</source>
        <translation>修改所选日期</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="134" />
        <source>Normal (Mon–Fri rule)</source>
        <translation>恢复正常（周一至周五上班）</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="135" />
        <source>Holiday (off)</source>
        <translation>节假日（休）</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="136" />
        <location filename="../../ui/calendar_page.py" line="248" />
        <source>Make-up working day</source>
        <translation>调休上班（班）</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="144" />
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="147" />
        <source>e.g. 春节 or 春节调休</source>
        <translation>例如：春节、春节调休</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="149" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="171" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="171" />
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="171" />
        <source>Off/Work</source>
        <translation>休/班</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="171" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="184" />
        <source>Deadline calculator</source>
        <translation>期限计算</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="196" />
        <source> working days</source>
        <translation> 个工作日</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="197" />
        <source>Accepted on:</source>
        <translation>受理日期：</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="199" />
        <source>Time limit:</source>
        <translation>办理时限：</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="209" />
        <source>Due date:</source>
        <translation>办结期限：</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="223" />
        <source>Counting starts the day after acceptance; 0 means on the spot.</source>
        <translation>自受理次日起算，只计工作日；0 表示即办（当日办结）。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="247" />
        <source>Holiday</source>
        <translation>法定节假日</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="249" />
        <source>Weekend</source>
        <translation>周末</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="299" />
        <source>The holiday arrangement for {year} has not been entered: deadlines are counted by weekends only and marked tentative</source>
        <translation>{year}年的节假日安排尚未录入：期限按周末推算并标注为待定</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="305" />
        <source>The {year} arrangement is completely entered</source>
        <translation>{year}年节假日安排已完整录入</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="310" />
        <source>Exceptions to Mon–Fri in {year}: {n}</source>
        <translation>{year}年节假日与调休（共 {n} 天）</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="319" />
        <source>Work</source>
        <translation>班</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="319" />
        <source>Off</source>
        <translation>休</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="388" />
        <source>working day</source>
        <translation>工作日</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="388" />
        <source>weekend</source>
        <translation>周末休息日</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="391" />
        <source>make-up working day ({name})</source>
        <translation>调休上班（{name}）</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="394" />
        <source>holiday ({name})</source>
        <translation>节假日（{name}）</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="396" />
        <source>{date} {weekday}: {state}</source>
        <translation>{date} {weekday}：{state}</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="419" />
        <source>Enter the name of the holiday or make-up working day, e.g. 春节 or 春节调休</source>
        <translation>请填写节假日或调休的名称，例如“春节”或“春节调休”</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="470" />
        <source>The due date is beyond the supported range</source>
        <translation>期限超出可计算的日期范围</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="473" />
        <source>{date} ({weekday})</source>
        <translation>{date}（{weekday}）</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="476" />
        <source>{date} (tentative)</source>
        <translation>{date}（待定）</translation>
    </message>
</context>
<context>
    <name>CaseDetailDialog</name>
    <message>
        <location filename="../../ui/case_detail.py" line="72" />
        <source>Case</source>
        <translation>申请详情</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="76" />
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="104" />
        <source>Application</source>
        <translation>申请信息</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="108" />
        <source>Material</source>
        <translation>材料名称</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="108" />
        <source>Form</source>
        <translation>形式</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="108" />
        <source>Copies required</source>
        <translation>应交份数</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="109" />
        <source>Copies received</source>
        <translation>已收份数</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="109" />
        <location filename="../../ui/case_detail.py" line="203" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="109" />
        <source>Problem</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="112" />
        <source>Materials</source>
        <translation>申请材料</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="114" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="114" />
        <source>Event</source>
        <translation>办理环节</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="114" />
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="114" />
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="117" />
        <source>History</source>
        <translation>办理记录</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="120" />
        <source>Reprint…</source>
        <translation>重新打印…</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="122" />
        <source>Continue intake</source>
        <translation>继续受理</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="124" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="168" />
        <source>This case could not be loaded</source>
        <translation>无法读取这件申请</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="174" />
        <source>(received, no number yet)</source>
        <translation>（已收件，未编号）</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="175" />
        <source>Case {number}</source>
        <translation>申请详情 {number}</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="179" />
        <source>Green channel (key project): handle first</source>
        <translation>绿色通道（重点项目）：优先办理</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="181" />
        <source>Overdue: the time limit ended on {date}</source>
        <translation>已超期：办理期限已于 {date} 届满</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="187" />
        <source>the holiday arrangement of its year was entered after the date was counted; check the date against the calendar</source>
        <translation>该期限推算时所在年度的节假日安排尚未录入，现已录入，请对照工作日历核对期限</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="189" />
        <source>Tentative due date: {reason}</source>
        <translation>期限待定：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="192" />
        <source>The decision came more than 5 working days after the materials were received: by Article 32 of the Administrative Licensing Law the application counts as accepted from the day it was received</source>
        <translation>收件后超过5个工作日才作出决定：依照《行政许可法》第三十二条，自收到申请材料之日起即为受理</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="197" />
        <source>Not accepted: {reason}</source>
        <translation>不予受理理由：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="201" />
        <source>Case number</source>
        <translation>受理编号</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="202" />
        <source>Notice number</source>
        <translation>告知书号</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="204" />
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="205" />
        <source>Tier</source>
        <translation>事项级别</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="206" />
        <source>Green channel</source>
        <translation>绿色通道</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="206" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="207" />
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="208" />
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="209" />
        <source>ID</source>
        <translation>证件</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="210" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="211" />
        <source>Village</source>
        <translation>所在村（社区）</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="212" />
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="213" />
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="214" />
        <source>Agent</source>
        <translation>代理人</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="218" />
        <source>Summary</source>
        <translation>申请内容</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="219" />
        <source>Location</source>
        <translation>坐落</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="220" />
        <source>Area</source>
        <translation>面积</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="221" />
        <source>Received at</source>
        <translation>收件时间</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="222" />
        <source>Accepted at</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="223" />
        <source>Decided at</source>
        <translation>决定时间</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="224" />
        <source>Promised time limit</source>
        <translation>承诺时限</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="225" />
        <source>{n} working days</source>
        <translation>{n} 个工作日</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="226" />
        <source>On the spot</source>
        <translation>即办</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="227" />
        <source>Due date</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="228" />
        <source>Missing materials due</source>
        <translation>补齐材料期限</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="230" />
        <source>Window clerk</source>
        <translation>窗口人员</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="240" />
        <source>{label}:</source>
        <translation>{label}：</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="255" />
        <source>{date} (tentative)</source>
        <translation>{date}（待定）</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="270" />
        <source>{name} (if applicable)</source>
        <translation>{name}（视情形提交）</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="289" />
        <source>Received</source>
        <translation>收件</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="290" />
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="291" />
        <source>One-time notice</source>
        <translation>一次性告知</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="292" />
        <source>Not accepted</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="293" />
        <source>Materials supplemented</source>
        <translation>补正材料</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="329" />
        <source>Nothing to reprint: no decision has been made on this case yet</source>
        <translation>尚未作出受理决定，没有可重新打印的文书</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../ui/case_model.py" line="89" />
        <source>Case / notice no.</source>
        <translation>受理编号/告知书号</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="90" />
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="91" />
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="92" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="93" />
        <source>Received at</source>
        <translation>收件时间</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="94" />
        <source>Due date</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="95" />
        <source>Green channel</source>
        <translation>绿色通道</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="253" />
        <source>(received, no number yet)</source>
        <translation>（已收件，未编号）</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="267" />
        <source>{date} (tentative)</source>
        <translation>{date}（待定）</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="270" />
        <source>G</source>
        <translation>绿</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="275" />
        <source>Green channel (key project): listed first</source>
        <translation>绿色通道（重点项目）：排在最前</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="280" />
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="282" />
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="284" />
        <source>Due within two working days</source>
        <translation>两个工作日内到期</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="286" />
        <source>Tentative: the holiday arrangement of that year was not entered when the deadline was counted</source>
        <translation>待定：推算期限时该年度节假日安排尚未录入</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <location filename="../../ui/cases_page.py" line="53" />
        <source>Case or notice number, name, ID number or phone (beginning)</source>
        <translation>受理编号、告知书号、姓名、身份证号或电话（输入开头即可）</translation>
    </message>
    <message>
        <location filename="../../ui/cases_page.py" line="59" />
        <source>All statuses</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/cases_page.py" line="63" />
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location filename="../../ui/cases_page.py" line="70" />
        <source>Any due date</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/cases_page.py" line="71" />
        <location filename="../../ui/cases_page.py" line="164" />
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <location filename="../../ui/cases_page.py" line="72" />
        <location filename="../../ui/cases_page.py" line="165" />
        <source>Due within 2 working days</source>
        <translation>两个工作日内到期</translation>
    </message>
    <message>
        <location filename="../../ui/cases_page.py" line="73" />
        <location filename="../../ui/cases_page.py" line="163" />
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../ui/cases_page.py" line="74" />
        <source>Due:</source>
        <translation>期限：</translation>
    </message>
    <message>
        <location filename="../../ui/cases_page.py" line="121" />
        <source>Open…</source>
        <translation>查看详情…</translation>
    </message>
    <message>
        <location filename="../../ui/cases_page.py" line="123" />
        <source>Continue intake</source>
        <translation>继续受理</translation>
    </message>
    <message>
        <location filename="../../ui/cases_page.py" line="126" />
        <source>Continue a received case or one waiting for supplementary materials at the intake window</source>
        <translation>在受理窗口继续办理已收件待审或待补正的申请</translation>
    </message>
    <message>
        <location filename="../../ui/cases_page.py" line="128" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/cases_page.py" line="166" />
        <source>G = green channel</source>
        <translation>绿 = 绿色通道</translation>
    </message>
    <message>
        <location filename="../../ui/cases_page.py" line="197" />
        <source>Searching…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <location filename="../../ui/cases_page.py" line="214" />
        <source>{n} cases</source>
        <translation>共 {n} 件</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../ui/home_page.py" line="40" />
        <source>Open cases</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="41" />
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="42" />
        <source>Due within 2 working days</source>
        <translation>两个工作日内到期</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="43" />
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="44" />
        <source>Waiting for supplements</source>
        <translation>待补正</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="60" />
        <source>&amp;New application (Ctrl+N)</source>
        <translation>新建受理(&amp;N)（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="76" />
        <source>Hello, {name}</source>
        <translation>{name}，您好</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="84" />
        <source>The official holidays of {year} are not entered yet: deadlines reaching into {year} are counted with weekends only and marked as provisional. Enter them under Working calendar when they are published.</source>
        <translation>{year}年的法定节假日安排尚未录入：延伸到{year}年的办理期限暂按周末推算，并标注为“待定”。国务院办公厅公布后，请在“工作日历”中录入。</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <location filename="../../ui/intake_page.py" line="201" />
        <source>Type a code such as TD-001 or part of the name</source>
        <translation>输入事项编码（如 TD-001）或名称中的任意几个字</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="211" />
        <source>&amp;Matter</source>
        <translation>申请事项(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="220" />
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="223" />
        <source>Person</source>
        <translation>个人</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="224" />
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="237" />
        <source>Applicant type</source>
        <translation>申请人类型</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="240" />
        <location filename="../../ui/intake_page.py" line="876" />
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="245" />
        <source>Resident ID card</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="246" />
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="247" />
        <source>Other ID document</source>
        <translation>其他证件</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="248" />
        <source>ID t&amp;ype</source>
        <translation>证件类型(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="255" />
        <source>&amp;ID number</source>
        <translation>证件号码(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="258" />
        <source>mobile, or landline with area code</source>
        <translation>手机号，或带区号的固定电话</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="259" />
        <source>&amp;Phone</source>
        <translation>联系电话(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="262" />
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="264" />
        <source>e.g. 东王村</source>
        <translation>如：东王村</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="265" />
        <source>&amp;Village</source>
        <translation>村（居）(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="269" />
        <source>Legal &amp;representative</source>
        <translation>法定代表人(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="272" />
        <location filename="../../ui/intake_page.py" line="289" />
        <source>resident ID number</source>
        <translation>居民身份证号码</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="273" />
        <source>Representative's ID</source>
        <translation>法定代表人身份证号</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="280" />
        <source>Through an a&amp;gent (someone applies on the applicant's behalf)</source>
        <translation>委托代理人办理(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="283" />
        <source>Agent</source>
        <translation>代理人</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="287" />
        <source>Agent's name</source>
        <translation>代理人姓名</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="290" />
        <source>Agent's ID</source>
        <translation>代理人身份证号</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="293" />
        <source>Agent's phone</source>
        <translation>代理人电话</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="299" />
        <source>Application</source>
        <translation>申请信息</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="303" />
        <source>what is applied for, in one sentence</source>
        <translation>一句话说明申请办理什么</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="304" />
        <source>S&amp;ummary</source>
        <translation>申请事项说明(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="305" />
        <source>village, group, plot</source>
        <translation>村、组、地块</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="306" />
        <source>&amp;Location</source>
        <translation>坐落(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="308" />
        <source>e.g. 200, 0.3亩, 0.5公顷</source>
        <translation>如：200、0.3亩、0.5公顷</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="315" />
        <source>Ar&amp;ea</source>
        <translation>面积(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="317" />
        <source>Green c&amp;hannel (key project: accept now, missing materials follow)</source>
        <translation>绿色通道（重点项目：先受理，缺件限期补齐）(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="318" />
        <source>Materials due by</source>
        <translation>补齐材料期限</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="364" />
        <source>&amp;Clear</source>
        <translation>清空(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="365" />
        <source>Empty the form and throw its draft away</source>
        <translation>清空表单并删除其草稿</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="372" />
        <source>Receive, &amp;decide later</source>
        <translation>收件待审(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="373" />
        <source>Take the materials now; decide within 5 working days</source>
        <translation>先收下材料，5个工作日内作出是否受理的决定</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="374" />
        <source>Re&amp;fuse…</source>
        <translation>不予受理(&amp;J)…</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="375" />
        <source>Not accepted: asks for the reason and prints the refusal notice</source>
        <translation>不予受理：填写理由后打印不予受理通知书</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="376" />
        <source>One-&amp;time notice</source>
        <translation>一次性告知(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="377" />
        <source>Print a one-time notice listing every missing or defective material</source>
        <translation>打印一次性告知书，逐项列明全部缺少或不符合要求的材料</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="378" />
        <source>&amp;Accept and print receipt</source>
        <translation>受理并打印回执(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="379" />
        <source>Accept the application and print the receipt (Ctrl+Enter)</source>
        <translation>受理申请并打印受理回执（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="497" />
        <source>This application is already decided ({status}); it cannot be continued at the window.</source>
        <translation>这件申请已经作出决定（{status}），不能在窗口继续办理。</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="527" />
        <source>Draft restored: check the form and decide.</source>
        <translation>已恢复草稿：请核对表单后作出决定。</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="617" />
        <source>This application was already received; decide it now: accept, one-time notice or refuse.</source>
        <translation>这件申请已经收件，请现在作出决定：受理、一次性告知或不予受理。</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="621" />
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="637" />
        <source>Warnings: {n} (see the yellow box).</source>
        <translation>有 {n} 条提醒（见黄色提示框）。</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="649" />
        <source>Accepted. Case number {number}; the receipt is open for printing.</source>
        <translation>已受理，受理编号 {number}；受理回执已打开，可打印。</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="651" />
        <source>One-time notice issued, notice number {number}; the notice is open for printing.</source>
        <translation>已出具一次性告知书，告知书编号 {number}；告知书已打开，可打印。</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="653" />
        <source>Not accepted, notice number {number}; the refusal notice is open for printing.</source>
        <translation>已决定不予受理，通知书编号 {number}；通知书已打开，可打印。</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="654" />
        <source>Received for review: decide within 5 working days whether to accept it.</source>
        <translation>已收件待审：请在5个工作日内作出是否受理的决定。</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="672" />
        <source>The decision was saved (number {number}), but the document could not be made; reprint it from the case list.</source>
        <translation>决定已保存（编号 {number}），但文书未能生成；请在办件查询中重新打印。</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="674" />
        <source>Printing failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="680" />
        <source>Nothing was saved: {n} problem(s) marked in red.</source>
        <translation>未保存：有 {n} 处问题，已用红色标出。</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="684" />
        <source>Nothing was saved: a problem is marked in red.</source>
        <translation>未保存：问题已用红色标出。</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="689" />
        <source>Nothing was saved: an unexpected error occurred.</source>
        <translation>未保存：发生了意外错误。</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="798" />
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="798" />
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="799" />
        <source>born {date}, {sex}, {age}</source>
        <translation>{date} 生，{sex}，{age} 岁</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="845" />
        <source>No matter in the catalogue matches “{text}”.</source>
        <translation>事项目录中没有与“{text}”相符的事项。</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="847" />
        <source>{n} matters match “{text}”: choose one from the list (Down arrow).</source>
        <translation>有 {n} 个事项与“{text}”相符，请从列表中选择（按下方向键）。</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="862" />
        <source>Choose the matter first: its materials list appears on the right.</source>
        <translation>请先选择申请事项，右侧会列出该事项的申请材料。</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="865" />
        <source>done on the spot</source>
        <translation>即办</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="867" />
        <source>promised {days} working days</source>
        <translation>承诺 {days} 个工作日</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="868" />
        <source>legal limit {days} working days</source>
        <translation>法定 {days} 个工作日</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="869" />
        <source>no legal limit</source>
        <translation>无法定时限</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="870" />
        <source>{category} · {tier} matter · {promised} ({legal}) · fee: {fee} · {n} materials</source>
        <translation>{category} · {tier}事项 · {promised}（{legal}）· 收费：{fee} · 材料 {n} 项</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="876" />
        <source>Organisation &amp;name</source>
        <translation>单位名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="886" />
        <source>18 digits, last may be X</source>
        <translation>18位，最后一位可能是X</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="887" />
        <source>18 characters</source>
        <translation>18位</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="888" />
        <source>passport, residence permit, …</source>
        <translation>护照、居住证等</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="961" />
        <source>The draft could not be saved: {error}</source>
        <translation>草稿未能保存：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="967" />
        <source>Clear the form</source>
        <translation>清空表单</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="968" />
        <source>Empty the form and throw away what was typed for this applicant?</source>
        <translation>清空表单，放弃为这位申请人录入的内容吗？</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="970" />
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="971" />
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="983" />
        <source>Form cleared.</source>
        <translation>表单已清空。</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="1025" />
        <source>Matter {code} is not in the current catalogue.</source>
        <translation>当前事项目录中没有事项 {code}。</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="1060" />
        <source>Supplementing materials: continuing notice No. {number} ({applicant}, {matter}). Mark what the applicant has brought now, then accept or issue another notice.</source>
        <translation>补正材料：继续办理告知书号 {number}（{applicant}，{matter}）。请勾选申请人本次带来的材料，然后受理或再次告知。</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.py" line="1063" />
        <source>Received on {date}, awaiting a decision: {applicant}, {matter}. Accept, issue a one-time notice or refuse.</source>
        <translation>{date} 收件，待决定：{applicant}，{matter}。请受理、一次性告知或不予受理。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="47" />
        <source>landdesk</source>
        <translation>一窗受理</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="54" />
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="54" />
        <source>Intake</source>
        <translation>受理登记</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="54" />
        <source>Cases</source>
        <translation>办件查询</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="54" />
        <source>Working calendar</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="65" />
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="93" />
        <source>landdesk — {office}</source>
        <translation>一窗受理 — {office}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="106" />
        <source>{office} ({code}) · {user} · database: {db}</source>
        <translation>{office}（{code}） · {user} · 数据库：{db}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="115" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="116" />
        <source>&amp;New application</source>
        <translation>新建受理(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="119" />
        <source>&amp;Find case</source>
        <translation>查找办件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="123" />
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="126" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="127" />
        <source>&amp;About landdesk</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="176" />
        <source>Unfinished application</source>
        <translation>未完成的受理登记</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="177" />
        <source>An application for {name} was being entered when landdesk last closed ({count} draft(s) in all). Continue it now?</source>
        <translation>上次关闭程序时，{name}的申请尚未登记完成（共 {count} 份草稿）。现在继续登记吗？</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="179" />
        <source>(no name yet)</source>
        <translation>（未填姓名）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="199" />
        <source>landdesk {version}
Data folder: {folder}
Database: {db} {size}</source>
        <translation>一窗受理 {version}
数据文件夹：{folder}
数据库：{db} {size}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="201" />
        <source>About landdesk</source>
        <translation>关于一窗受理</translation>
    </message>
</context>
<context>
    <name>MaterialsPanel</name>
    <message>
        <location filename="../../ui/intake_materials.py" line="101" />
        <source>Materials chec&amp;klist</source>
        <translation>申请材料(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_materials.py" line="107" />
        <source>All &amp;submitted</source>
        <translation>全部已收(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_materials.py" line="108" />
        <source>Mark every material not marked 'not applicable' as submitted (Ctrl+Shift+A)</source>
        <translation>把未标为“不适用”的材料全部标为已收（Ctrl+Shift+A）</translation>
    </message>
    <message>
        <location filename="../../ui/intake_materials.py" line="122" />
        <source>Material</source>
        <translation>材料名称</translation>
    </message>
    <message>
        <location filename="../../ui/intake_materials.py" line="122" />
        <source>Required?</source>
        <translation>要求</translation>
    </message>
    <message>
        <location filename="../../ui/intake_materials.py" line="122" />
        <source>Form</source>
        <translation>形式</translation>
    </message>
    <message>
        <location filename="../../ui/intake_materials.py" line="122" />
        <source>Copies required</source>
        <translation>应交份数</translation>
    </message>
    <message>
        <location filename="../../ui/intake_materials.py" line="123" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/intake_materials.py" line="123" />
        <location filename="../../ui/intake_materials.py" line="400" />
        <source>Copies received</source>
        <translation>已收份数</translation>
    </message>
    <message>
        <location filename="../../ui/intake_materials.py" line="123" />
        <source>Problem</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <location filename="../../ui/intake_materials.py" line="126" />
        <source>Ticked: submitted (Space)</source>
        <translation>打勾表示已收（空格键）</translation>
    </message>
    <message>
        <location filename="../../ui/intake_materials.py" line="127" />
        <source>What is wrong, when the material is not as required</source>
        <translation>材料不符合要求时，写明问题</translation>
    </message>
    <message>
        <location filename="../../ui/intake_materials.py" line="158" />
        <source>Space: submitted / not submitted · 1 submitted · 2 not submitted · 3 not as required · 4 not applicable · Enter: edit the row, Esc: back</source>
        <translation>空格：已收/未提交 · 1 已收 · 2 未提交 · 3 不符合要求 · 4 不适用 · Enter：编辑本行，Esc：返回列表</translation>
    </message>
    <message>
        <location filename="../../ui/intake_materials.py" line="179" />
        <location filename="../../ui/intake_materials.py" line="237" />
        <source>Required</source>
        <translation>必交</translation>
    </message>
    <message>
        <location filename="../../ui/intake_materials.py" line="179" />
        <location filename="../../ui/intake_materials.py" line="237" />
        <source>If applies</source>
        <translation>视情形</translation>
    </message>
    <message>
        <location filename="../../ui/intake_materials.py" line="193" />
        <source>Submitted</source>
        <translation>已收</translation>
    </message>
    <message>
        <location filename="../../ui/intake_materials.py" line="194" />
        <source>Not submitted</source>
        <translation>未提交</translation>
    </message>
    <message>
        <location filename="../../ui/intake_materials.py" line="195" />
        <source>Not as required</source>
        <translation>不符合要求</translation>
    </message>
    <message>
        <location filename="../../ui/intake_materials.py" line="196" />
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../ui/intake_materials.py" line="202" />
        <source>When: {text}</source>
        <translation>提交情形：{text}</translation>
    </message>
    <message>
        <location filename="../../ui/intake_materials.py" line="204" />
        <source>Note: {text}</source>
        <translation>说明：{text}</translation>
    </message>
    <message>
        <location filename="../../ui/intake_materials.py" line="206" />
        <source>Where to get it: {text}</source>
        <translation>来源：{text}</translation>
    </message>
    <message>
        <location filename="../../ui/intake_materials.py" line="260" />
        <source>what is wrong</source>
        <translation>写明问题</translation>
    </message>
    <message>
        <location filename="../../ui/intake_materials.py" line="401" />
        <source>What is wrong with it: printed on the one-time notice</source>
        <translation>哪里不符合要求：会印在一次性告知书上</translation>
    </message>
    <message>
        <location filename="../../ui/intake_materials.py" line="438" />
        <source>“{name}” is required; it cannot be marked not applicable</source>
        <translation>“{name}”是必交材料，不能标为不适用</translation>
    </message>
    <message>
        <location filename="../../ui/intake_materials.py" line="460" />
        <source>Choose a matter to see its materials list</source>
        <translation>选择申请事项后显示材料清单</translation>
    </message>
    <message>
        <location filename="../../ui/intake_materials.py" line="467" />
        <source>{total} items: {received} submitted, {missing} not submitted, {defective} not as required, {na} not applicable</source>
        <translation>共 {total} 项：已收 {received}，未提交 {missing}，不符合要求 {defective}，不适用 {na}</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../ui/print_preview.py" line="63" />
        <source>Save PDF…</source>
        <translation>保存PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="70" />
        <source>Save PDF</source>
        <translation>保存PDF</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="71" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>RefuseDialog</name>
    <message>
        <location filename="../../ui/intake_fields.py" line="185" />
        <source>Refuse the application</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../../ui/intake_fields.py" line="188" />
        <source>The reason is printed on the refusal notice together with the applicant's right to apply for administrative reconsideration or to sue. Write it so the applicant understands what to do.</source>
        <translation>理由将与申请人依法申请行政复议或者提起行政诉讼的权利一并印在不予受理通知书上，请写得让申请人明白下一步怎么办。</translation>
    </message>
    <message>
        <location filename="../../ui/intake_fields.py" line="192" />
        <source>Common reasons…</source>
        <translation>常用理由…</translation>
    </message>
    <message>
        <location filename="../../ui/intake_fields.py" line="194" />
        <source>The matter applied for does not need an administrative licence</source>
        <translation>申请事项依法不需要取得行政许可</translation>
    </message>
    <message>
        <location filename="../../ui/intake_fields.py" line="195" />
        <source>The matter is not within the powers of this office; apply to the county bureau</source>
        <translation>申请事项不属于本机关职权范围，请向县自然资源局申请</translation>
    </message>
    <message>
        <location filename="../../ui/intake_fields.py" line="196" />
        <source>The applicant is not eligible to apply for this matter</source>
        <translation>申请人不具备申请该事项的资格</translation>
    </message>
    <message>
        <location filename="../../ui/intake_fields.py" line="197" />
        <source>The land lies within permanent basic farmland and may not be applied for</source>
        <translation>申请地块位于永久基本农田保护范围内，依法不得申请</translation>
    </message>
    <message>
        <location filename="../../ui/intake_fields.py" line="201" />
        <source>&amp;Common reasons:</source>
        <translation>常用理由(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../ui/intake_fields.py" line="207" />
        <source>&amp;Reason for refusal:</source>
        <translation>不予受理理由(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/intake_fields.py" line="217" />
        <source>Refuse and print notice</source>
        <translation>不予受理并打印通知书</translation>
    </message>
    <message>
        <location filename="../../ui/intake_fields.py" line="218" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../ui/setup_dialog.py" line="25" />
        <source>Set up this office</source>
        <translation>设置本单位</translation>
    </message>
    <message>
        <location filename="../../ui/setup_dialog.py" line="28" />
        <source>Welcome to landdesk. Enter your office once; it is printed on every receipt and notice. The township code is the first 9 digits of the 12-digit statistical division code.</source>
        <translation>欢迎使用一窗受理系统。请先设置本单位信息，它会印在每一张回执和通知书上。乡镇代码为12位统计用区划代码的前9位。</translation>
    </message>
    <message>
        <location filename="../../ui/setup_dialog.py" line="37" />
        <source>Office name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../ui/setup_dialog.py" line="37" />
        <source>e.g. 城关镇自然资源所</source>
        <translation>例如：城关镇自然资源所</translation>
    </message>
    <message>
        <location filename="../../ui/setup_dialog.py" line="38" />
        <source>Township code (9 digits)</source>
        <translation>乡镇代码（9位）</translation>
    </message>
    <message>
        <location filename="../../ui/setup_dialog.py" line="39" />
        <source>Supervising bureau</source>
        <translation>上级主管部门</translation>
    </message>
    <message>
        <location filename="../../ui/setup_dialog.py" line="39" />
        <source>e.g. 某某县自然资源局</source>
        <translation>例如：某某县自然资源局</translation>
    </message>
    <message>
        <location filename="../../ui/setup_dialog.py" line="40" />
        <source>Window address</source>
        <translation>窗口地址</translation>
    </message>
    <message>
        <location filename="../../ui/setup_dialog.py" line="41" />
        <source>Consultation phone</source>
        <translation>咨询电话</translation>
    </message>
    <message>
        <location filename="../../ui/setup_dialog.py" line="42" />
        <source>Complaint phone</source>
        <translation>监督投诉电话</translation>
    </message>
    <message>
        <location filename="../../ui/setup_dialog.py" line="43" />
        <source>Administrative reconsideration body</source>
        <translation>行政复议机关</translation>
    </message>
    <message>
        <location filename="../../ui/setup_dialog.py" line="43" />
        <source>e.g. 某某县人民政府</source>
        <translation>例如：某某县人民政府</translation>
    </message>
    <message>
        <location filename="../../ui/setup_dialog.py" line="44" />
        <source>Court for administrative lawsuits</source>
        <translation>行政诉讼管辖法院</translation>
    </message>
    <message>
        <location filename="../../ui/setup_dialog.py" line="44" />
        <source>e.g. 某某县人民法院</source>
        <translation>例如：某某县人民法院</translation>
    </message>
    <message>
        <location filename="../../ui/setup_dialog.py" line="45" />
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../../ui/setup_dialog.py" line="46" />
        <source>Your login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../ui/setup_dialog.py" line="66" />
        <source>Create office</source>
        <translation>创建单位</translation>
    </message>
</context>
<context>
    <name>self.model</name>
    <message>
        <location filename="../../ui/cases_page.py" line="103" />
        <source>(received, no number yet)</source>
        <translation>（已收件，未编号）</translation>
    </message>
    <message>
        <location filename="../../ui/cases_page.py" line="107" />
        <source>{date} (tentative)</source>
        <translation>{date}（待定）</translation>
    </message>
    <message>
        <location filename="../../ui/cases_page.py" line="108" />
        <source>G</source>
        <translation>绿</translation>
    </message>
</context>
</TS>