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
    <name>ActionDialog</name>
    <message>
        <location filename="../../ui/routing_panel.py" line="177" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>AllotDialog</name>
    <message>
        <location filename="../../ui/targets_page.py" line="293" />
        <source>Allot to townships</source>
        <translation>下达到乡镇所</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="298" />
        <source>{name} ({years}): county target {amount} {unit}. The townships' shares must add up to at least the county target; a township left at 0 gets no share.</source>
        <translation>{name}（{years}）：县局目标 {amount} {unit}。各乡镇所分配数合计不得少于县局目标；填 0 的乡镇所不下达。</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="315" />
        <source>Shares ({unit}):</source>
        <translation>各乡镇所（{unit}）：</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="318" />
        <source>&amp;Even split</source>
        <translation>平均分解(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="325" />
        <source>Sum of the shares:</source>
        <translation>合计：</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="345" />
        <source>{total} {unit} — {short} {unit} short of the county target {target} {unit}</source>
        <translation>{total} {unit}，比县局目标 {target} {unit} 少 {short} {unit}</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="350" />
        <source>{total} {unit} — reaches the county target {target} {unit} (+{over})</source>
        <translation>{total} {unit}，达到县局目标 {target} {unit}（多 {over}）</translation>
    </message>
</context>
<context>
    <name>AmountDialog</name>
    <message>
        <location filename="../../ui/targets_page.py" line="270" />
        <source>Change target</source>
        <translation>修改目标</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="273" />
        <source>{name} ({years}): a breakdown must still add up to at least the target.</source>
        <translation>{name}（{years}）：修改后，分解合计仍须不少于目标。</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="279" />
        <source>Amount ({unit}):</source>
        <translation>目标量（{unit}）：</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="280" />
        <source>&amp;Note:</source>
        <translation>说明(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>AssessmentPage</name>
    <message>
        <location filename="../../ui/assessment_page.py" line="166" />
        <source>&amp;Year:</source>
        <translation>年度(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="171" />
        <source>&amp;Office:</source>
        <translation>单位(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="173" />
        <source>&amp;Enter score…</source>
        <translation>考核录入(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="175" />
        <source>&amp;Print score sheet…</source>
        <translation>打印评分表(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="177" />
        <source>Print &amp;ranking…</source>
        <translation>打印排名表(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="179" />
        <source>Ranking to E&amp;xcel…</source>
        <translation>排名导出 Excel(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="194" />
        <location filename="../../ui/assessment_page.py" line="218" />
        <source>Item</source>
        <translation>考核项目</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="194" />
        <source>Full</source>
        <translation>分值</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="194" />
        <location filename="../../ui/assessment_page.py" line="218" />
        <source>Points</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="194" />
        <source>Scored by</source>
        <translation>评分方式</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="195" />
        <source>Details</source>
        <translation>评分情况</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="205" />
        <location filename="../../ui/assessment_page.py" line="381" />
        <source>Computed automatically</source>
        <translation>自动计算</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="211" />
        <source>Entries this year (withdrawn ones struck through):</source>
        <translation>本年度录入记录（已撤销的划线显示）：</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="213" />
        <source>&amp;Withdraw entry…</source>
        <translation>撤销录入(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="218" />
        <source>Entered at</source>
        <translation>录入时间</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="218" />
        <location filename="../../ui/assessment_page.py" line="492" />
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="218" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="219" />
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="219" />
        <source>Evidence</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="219" />
        <source>Entered by</source>
        <translation>录入人</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="232" />
        <source>Score sheet</source>
        <translation>评分表</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="234" />
        <source>Ranking of townships</source>
        <translation>各所排名</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="250" />
        <source>Assessment result</source>
        <translation>考核结果</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="272" />
        <source>Items:</source>
        <translation>基本得分：</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="273" />
        <source>Bonus:</source>
        <translation>加分：</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="274" />
        <source>Deductions:</source>
        <translation>扣分：</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="275" />
        <source>Total:</source>
        <translation>总分：</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="276" />
        <source>Percentage:</source>
        <translation>得分率：</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="277" />
        <source>Pay coefficient:</source>
        <translation>考核工资系数：</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="278" />
        <source>Veto:</source>
        <translation>一票否决：</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="279" />
        <source>Outcome:</source>
        <translation>结果：</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="280" />
        <source>Below 95%: no awards. Below 90%: the head is not recommended for promotion. Each percentage point below 95 cuts the assessment pay by 1%.</source>
        <translation>得分率低于 95% 不得评先评优；低于 90% 所长不予推荐提拔；95% 以下每递减一个百分点，考核工资下浮 1%。</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="354" />
        <source>No township has sent its data to the county yet.</source>
        <translation>县局尚未收到任何乡镇所的数据。</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="370" />
        <source>{office} {year}: {total} points</source>
        <translation>{office} {year}年度：{total} 分</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="381" />
        <location filename="../../ui/assessment_page.py" line="406" />
        <location filename="../../ui/assessment_page.py" line="419" />
        <source>Entered</source>
        <translation>录入</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="396" />
        <source>Bonus (at most {cap} in all)</source>
        <translation>加分（合计不超过 {cap} 分）</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="398" />
        <source>Deductions off the total</source>
        <translation>扣分</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="415" />
        <source>Veto items</source>
        <translation>一票否决事项</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="420" />
        <source>VETO: {notes}</source>
        <translation>一票否决：{notes}</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="421" />
        <source>Not triggered</source>
        <translation>未发生</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="449" />
        <source> (county)</source>
        <translation>（县局）</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="461" />
        <source>Withdrawn: {reason}</source>
        <translation>已撤销：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="476" />
        <source>Triggered: {items}</source>
        <translation>已触发：{items}</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="479" />
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="482" />
        <source>Vetoed: no awards, the head is not recommended</source>
        <translation>一票否决：不得评先评优，所长不予推荐提拔</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="485" />
        <source>eligible for awards</source>
        <translation>可参加评先评优</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="485" />
        <source>not eligible for awards</source>
        <translation>不得评先评优</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="486" />
        <source>head may be recommended</source>
        <translation>所长可推荐提拔</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="486" />
        <source>head not recommended</source>
        <translation>所长不予推荐提拔</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="492" />
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="492" />
        <source>Office</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="492" />
        <source>Bonus</source>
        <translation>加分</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="493" />
        <source>Deductions</source>
        <translation>扣分</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="493" />
        <source>Score</source>
        <translation>总分</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="493" />
        <source>Percentage</source>
        <translation>得分率</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="493" />
        <source>Veto</source>
        <translation>一票否决</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="494" />
        <source>Awards</source>
        <translation>评先评优</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="494" />
        <source>Head recommended</source>
        <translation>所长推荐提拔</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="494" />
        <source>Pay coefficient</source>
        <translation>考核工资系数</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="507" />
        <location filename="../../ui/assessment_page.py" line="518" />
        <source>VETO</source>
        <translation>否决</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="507" />
        <location filename="../../ui/assessment_page.py" line="519" />
        <source>eligible</source>
        <translation>可以</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="507" />
        <location filename="../../ui/assessment_page.py" line="520" />
        <source>yes</source>
        <translation>可以</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="519" />
        <source>no</source>
        <translation>不得</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="520" />
        <source>not recommended</source>
        <translation>不予推荐</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="596" />
        <location filename="../../ui/assessment_page.py" line="608" />
        <source>Printing failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="618" />
        <source>Export ranking</source>
        <translation>导出考核排名</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="630" />
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../ui/package_dialogs.py" line="313" />
        <source>Assign {number}</source>
        <translation>分配任务包 {number}</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="315" />
        <source>Due {date}</source>
        <translation>{date} 截止</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="316" />
        <source>Assign</source>
        <translation>分配</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="322" />
        <source>&amp;Responsible:</source>
        <translation>责任人(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="324" />
        <source>C&amp;o-workers:</source>
        <translation>协办人(&amp;O)：</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../ui/backup_dialog.py" line="61" />
        <source>Backup and restore</source>
        <translation>备份与恢复</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="68" />
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="68" />
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="68" />
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="69" />
        <source>Rows</source>
        <translation>记录数</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="69" />
        <source>Folder</source>
        <translation>所在文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="81" />
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="83" />
        <source>Second &amp;folder (USB stick)…</source>
        <translation>第二备份位置（U盘）(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="85" />
        <source>&amp;No second folder</source>
        <translation>不用第二备份位置(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="87" />
        <source>&amp;Restore the selected backup…</source>
        <translation>用所选备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="101" />
        <source>the backup's office code</source>
        <translation>备份的单位代码</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="103" />
        <source>Office &amp;code of the backup:</source>
        <translation>备份的单位代码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="115" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="136" />
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="138" />
        <source>Backups are made with SQLite's online backup and checked after writing. They are kept for 7 days, 4 weeks and 12 months.
Backup folder: {folder}
Second folder: {second}</source>
        <translation>备份用 SQLite 在线备份生成，写好后逐项校验；保留最近 7 天、4 周和 12 个月的备份。
备份文件夹：{folder}
第二备份位置：{second}</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="163" />
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="169" />
        <source>Backed up and verified: {name} ({rows} rows).</source>
        <translation>已备份并校验：{name}（{rows} 行）。</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="180" />
        <source>Second backup folder</source>
        <translation>第二备份位置</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="202" />
        <source>This backup is of {theirs}, but this database is {ours}: restoring it would turn this database into {name}. Check that you chose the right backup. To replace this database by that office's data anyway (e.g. taking that office over on a new PC), type the backup's office code {code} below.</source>
        <translation>这份备份是{theirs}的数据，而当前数据库是{ours}的：恢复后当前数据库就会变成{name}。请先核对是否选错了备份。确实要用该单位的数据替换本数据库时（例如在新电脑上接手该单位），请在下面输入该备份的单位代码 {code}。</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="230" />
        <source>This database will become {theirs}.</source>
        <translation>恢复后本数据库将成为{theirs}。</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="231" />
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="225" />
        <source>Replace the database by the backup of {when} ({why})?
Everything entered since then will be gone from this database. The current database is backed up first, and the program closes afterwards; start it again to go on.</source>
        <translation>用 {when}（{why}）的备份替换当前数据库？
此后录入的内容将从本数据库中消失。恢复前会先备份当前数据库；恢复后程序将关闭，请重新打开。</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="241" />
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
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
    <name>BreakdownDialog</name>
    <message>
        <location filename="../../ui/targets_page.py" line="193" />
        <source>Break down into years</source>
        <translation>分解到年度</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="193" />
        <source>Break down into months</source>
        <translation>分解到月</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="199" />
        <source>{title}: target {amount} {unit}. The parts must add up to at least the target; a part may be 0.</source>
        <translation>{title}：目标 {amount} {unit}。各部分合计不得少于目标，某月（年）可以为 0。</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="212" />
        <source>{year}:</source>
        <translation>{year}年：</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="213" />
        <source>Month {month}:</source>
        <translation>{month}月：</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="221" />
        <source>Parts:</source>
        <translation>分解：</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="224" />
        <source>&amp;Even split</source>
        <translation>平均分解(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="231" />
        <source>Sum of the parts:</source>
        <translation>合计：</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="249" />
        <source>{total} {unit} — {short} {unit} short of the target {target} {unit}</source>
        <translation>{total} {unit}，比目标 {target} {unit} 少 {short} {unit}</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="255" />
        <source>{total} {unit} — reaches the target {target} {unit} (+{over})</source>
        <translation>{total} {unit}，达到目标 {target} {unit}（多 {over}）</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <location filename="../../ui/calendar_page.py" line="81" />
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="81" />
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="81" />
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="82" />
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="82" />
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="82" />
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="83" />
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="89" />
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="102" />
        <source>Tick once every holiday and make-up working day of the year's official notice is entered. Until then deadlines falling in this year are marked tentative.</source>
        <translation>国务院办公厅当年节假日安排通知中的每个节假日和调休上班日都录入后再勾选。勾选前，落在该年度的期限都标注为待定。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="106" />
        <source>&amp;Import a holiday file…</source>
        <translation>导入节假日安排(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="109" />
        <source>Load a year's official arrangement (holidays and make-up working days) from a file the county sends; see docs/calendar.md for the format.</source>
        <translation>从县局下发的文件导入一年的节假日安排（放假日和调休上班日），文件格式见 docs/calendar.md。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="141" />
        <source>Change the selected day</source>
        <translation>修改所选日期</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="148" />
        <source>Normal (Mon–Fri rule)</source>
        <translation>恢复正常（周一至周五上班）</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="149" />
        <source>Holiday (off)</source>
        <translation>节假日（休）</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="150" />
        <location filename="../../ui/calendar_page.py" line="262" />
        <source>Make-up working day</source>
        <translation>调休上班（班）</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="158" />
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="161" />
        <source>e.g. 春节 or 春节调休</source>
        <translation>例如：春节、春节调休</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="163" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="185" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="185" />
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="185" />
        <source>Off/Work</source>
        <translation>休/班</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="185" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="198" />
        <source>Deadline calculator</source>
        <translation>期限计算</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="210" />
        <source> working days</source>
        <translation> 个工作日</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="211" />
        <source>Accepted on:</source>
        <translation>受理日期：</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="213" />
        <source>Time limit:</source>
        <translation>办理时限：</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="223" />
        <source>Due date:</source>
        <translation>办结期限：</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="237" />
        <source>Counting starts the day after acceptance; 0 means on the spot.</source>
        <translation>自受理次日起算，只计工作日；0 表示即办（当日办结）。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="261" />
        <source>Holiday</source>
        <translation>法定节假日</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="263" />
        <source>Weekend</source>
        <translation>周末</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="313" />
        <source>The holiday arrangement for {year} has not been entered: deadlines are counted by weekends only and marked tentative</source>
        <translation>{year}年的节假日安排尚未录入：期限按周末推算并标注为待定</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="319" />
        <source>The {year} arrangement is completely entered</source>
        <translation>{year}年节假日安排已完整录入</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="324" />
        <source>Exceptions to Mon–Fri in {year}: {n}</source>
        <translation>{year}年节假日与调休（共 {n} 天）</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="333" />
        <source>Work</source>
        <translation>班</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="333" />
        <source>Off</source>
        <translation>休</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="402" />
        <source>working day</source>
        <translation>工作日</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="402" />
        <source>weekend</source>
        <translation>周末休息日</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="405" />
        <source>make-up working day ({name})</source>
        <translation>调休上班（{name}）</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="408" />
        <source>holiday ({name})</source>
        <translation>节假日（{name}）</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="410" />
        <source>{date} {weekday}: {state}</source>
        <translation>{date} {weekday}：{state}</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="433" />
        <source>Enter the name of the holiday or make-up working day, e.g. 春节 or 春节调休</source>
        <translation>请填写节假日或调休的名称，例如“春节”或“春节调休”</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="478" />
        <source>Holiday arrangement file</source>
        <translation>节假日安排文件</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="479" />
        <source>Holiday files (*.toml);;All files (*)</source>
        <translation>节假日安排文件 (*.toml);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="491" />
        <source>The file could not be read ({error}). Save it as UTF-8 text and try again.</source>
        <translation>文件读不出来（{error}）。请保存为 UTF-8 编码的文本后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="496" />
        <location filename="../../ui/calendar_page.py" line="523" />
        <source>Import holiday file</source>
        <translation>导入节假日安排</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="497" />
        <source>Replace the calendar of {year} by this arrangement: {holidays} holidays and {workdays} make-up working days? The year is then marked complete.</source>
        <translation>用这份安排替换 {year} 年的日历：放假 {holidays} 天，调休上班 {workdays} 天？导入后该年标记为完整。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="517" />
        <source>{year}: {holidays} holidays and {workdays} make-up working days loaded; the year is complete.</source>
        <translation>{year} 年：已导入放假 {holidays} 天、调休上班 {workdays} 天，该年日历已完整。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="537" />
        <source>The due date is beyond the supported range</source>
        <translation>期限超出可计算的日期范围</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="540" />
        <source>{date} ({weekday})</source>
        <translation>{date}（{weekday}）</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="543" />
        <source>{date} (tentative)</source>
        <translation>{date}（待定）</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <location filename="../../ui/targets_page.py" line="363" />
        <source>Cancel target</source>
        <translation>撤销目标</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="365" />
        <source>{name} ({years}, {amount} {unit}) stays on record as cancelled.</source>
        <translation>{name}（{years}，{amount} {unit}）撤销后仍保留记录。</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="368" />
        <source>Its yearly targets are cancelled with it.</source>
        <translation>其下各年度目标一并撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="370" />
        <source>The townships' shares are cancelled with it.</source>
        <translation>已下达各乡镇所的任务一并撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="373" />
        <source>&amp;Why:</source>
        <translation>撤销原因(&amp;W)：</translation>
    </message>
</context>
<context>
    <name>CaseDetailDialog</name>
    <message>
        <location filename="../../ui/case_detail.py" line="79" />
        <source>Case</source>
        <translation>申请详情</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="83" />
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="111" />
        <source>Application</source>
        <translation>申请信息</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="115" />
        <source>Material</source>
        <translation>材料名称</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="115" />
        <source>Form</source>
        <translation>形式</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="115" />
        <source>Copies required</source>
        <translation>应交份数</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="116" />
        <source>Copies received</source>
        <translation>已收份数</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="116" />
        <location filename="../../ui/case_detail.py" line="210" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="116" />
        <source>Problem</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="119" />
        <source>Materials</source>
        <translation>申请材料</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="121" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="121" />
        <source>Event</source>
        <translation>办理环节</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="121" />
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="121" />
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="124" />
        <source>History</source>
        <translation>办理记录</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="127" />
        <source>Reprint…</source>
        <translation>重新打印…</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="129" />
        <source>Continue intake</source>
        <translation>继续受理</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="131" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="175" />
        <source>This case could not be loaded</source>
        <translation>无法读取这件申请</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="181" />
        <source>(received, no number yet)</source>
        <translation>（已收件，未编号）</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="182" />
        <source>Case {number}</source>
        <translation>申请详情 {number}</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="186" />
        <source>Green channel (key project): handle first</source>
        <translation>绿色通道（重点项目）：优先办理</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="188" />
        <source>Overdue: the time limit ended on {date}</source>
        <translation>已超期：办理期限已于 {date} 届满</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="194" />
        <source>the holiday arrangement of its year was entered after the date was counted; check the date against the calendar</source>
        <translation>该期限推算时所在年度的节假日安排尚未录入，现已录入，请对照工作日历核对期限</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="196" />
        <source>Tentative due date: {reason}</source>
        <translation>期限待定：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="199" />
        <source>The decision came more than 5 working days after the materials were received: by Article 32 of the Administrative Licensing Law the application counts as accepted from the day it was received</source>
        <translation>收件后超过5个工作日才作出决定：依照《行政许可法》第三十二条，自收到申请材料之日起即为受理</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="204" />
        <source>Not accepted: {reason}</source>
        <translation>不予受理理由：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="208" />
        <source>Case number</source>
        <translation>受理编号</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="209" />
        <source>Notice number</source>
        <translation>告知书号</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="211" />
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="212" />
        <source>Tier</source>
        <translation>事项级别</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="213" />
        <source>Green channel</source>
        <translation>绿色通道</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="213" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="214" />
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="215" />
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="216" />
        <source>ID</source>
        <translation>证件</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="217" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="218" />
        <source>Village</source>
        <translation>所在村（社区）</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="219" />
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="220" />
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="221" />
        <source>Agent</source>
        <translation>代理人</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="225" />
        <source>Summary</source>
        <translation>申请内容</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="226" />
        <source>Location</source>
        <translation>坐落</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="227" />
        <source>Area</source>
        <translation>面积</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="228" />
        <source>Received at</source>
        <translation>收件时间</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="229" />
        <source>Accepted at</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="230" />
        <source>Decided at</source>
        <translation>决定时间</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="231" />
        <source>Promised time limit</source>
        <translation>承诺时限</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="232" />
        <source>{n} working days</source>
        <translation>{n} 个工作日</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="233" />
        <source>On the spot</source>
        <translation>即办</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="234" />
        <source>Due date</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="235" />
        <source>Missing materials due</source>
        <translation>补齐材料期限</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="237" />
        <source>Window clerk</source>
        <translation>窗口人员</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="247" />
        <source>{label}:</source>
        <translation>{label}：</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="256" />
        <source>Handling (办理)</source>
        <translation>办理</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="267" />
        <source>{date} (tentative)</source>
        <translation>{date}（待定）</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="282" />
        <source>{name} (if applicable)</source>
        <translation>{name}（视情形提交）</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="301" />
        <source>Received</source>
        <translation>收件</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="302" />
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="303" />
        <source>One-time notice</source>
        <translation>一次性告知</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="304" />
        <source>Not accepted</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="305" />
        <source>Materials supplemented</source>
        <translation>补正材料</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="341" />
        <source>Nothing to reprint: no decision has been made on this case yet</source>
        <translation>尚未作出受理决定，没有可重新打印的文书</translation>
    </message>
</context>
<context>
    <name>CaseHistoryDialog</name>
    <message>
        <location filename="../../ui/county_page.py" line="439" />
        <source>Transfer history of {number}</source>
        <translation>{number} 传办记录</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="442" />
        <source>{office} · {applicant} · {matter} · {status} · accepted {accepted} · due {due} · completed {completed} {result}</source>
        <translation>{office} · {applicant} · {matter} · {status} · 受理 {accepted} · 期限 {due} · 办结 {completed} {result}</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="452" />
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="452" />
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="452" />
        <source>From</source>
        <translation>移交人</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="452" />
        <source>To</source>
        <translation>接收人</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="452" />
        <source>Sent</source>
        <translation>移交时间</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="453" />
        <source>Signed for</source>
        <translation>签收</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="453" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="453" />
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="453" />
        <source>Opinion</source>
        <translation>意见</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="454" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="461" />
        <source> (return)</source>
        <translation>（退件）</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="471" />
        <source>No transfer recorded</source>
        <translation>尚无传办记录</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../ui/case_model.py" line="128" />
        <source>Case / notice no.</source>
        <translation>受理编号/告知书号</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="129" />
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="130" />
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="131" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="132" />
        <source>Received at</source>
        <translation>收件时间</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="133" />
        <source>Due date</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="134" />
        <source>Green channel</source>
        <translation>绿色通道</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="273" />
        <source>(received, no number yet)</source>
        <translation>（已收件，未编号）</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="287" />
        <source>{date} (tentative)</source>
        <translation>{date}（待定）</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="290" />
        <source>G</source>
        <translation>绿</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="295" />
        <source>Green channel (key project): listed first</source>
        <translation>绿色通道（重点项目）：排在最前</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="300" />
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="302" />
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="304" />
        <source>Due within two working days</source>
        <translation>两个工作日内到期</translation>
    </message>
    <message>
        <location filename="../../ui/case_model.py" line="306" />
        <source>Tentative: the holiday arrangement of that year was not entered when the deadline was counted</source>
        <translation>待定：推算期限时该年度节假日安排尚未录入</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <location filename="../../ui/cases_page.py" line="55" />
        <source>Case or notice number, name, ID number or phone (beginning)</source>
        <translation>受理编号、告知书号、姓名、身份证号或电话（输入开头即可）</translation>
    </message>
    <message>
        <location filename="../../ui/cases_page.py" line="61" />
        <source>All statuses</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/cases_page.py" line="65" />
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location filename="../../ui/cases_page.py" line="72" />
        <source>Any due date</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/cases_page.py" line="73" />
        <location filename="../../ui/cases_page.py" line="167" />
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <location filename="../../ui/cases_page.py" line="74" />
        <location filename="../../ui/cases_page.py" line="168" />
        <source>Due within 2 working days</source>
        <translation>两个工作日内到期</translation>
    </message>
    <message>
        <location filename="../../ui/cases_page.py" line="75" />
        <location filename="../../ui/cases_page.py" line="166" />
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../ui/cases_page.py" line="76" />
        <source>Due:</source>
        <translation>期限：</translation>
    </message>
    <message>
        <location filename="../../ui/cases_page.py" line="123" />
        <source>Open…</source>
        <translation>查看详情…</translation>
    </message>
    <message>
        <location filename="../../ui/cases_page.py" line="125" />
        <source>Continue intake</source>
        <translation>继续受理</translation>
    </message>
    <message>
        <location filename="../../ui/cases_page.py" line="128" />
        <source>Continue a received case or one waiting for supplementary materials at the intake window</source>
        <translation>在受理窗口继续办理已收件待审或待补正的申请</translation>
    </message>
    <message>
        <location filename="../../ui/cases_page.py" line="130" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/cases_page.py" line="169" />
        <source>G = green channel</source>
        <translation>绿 = 绿色通道</translation>
    </message>
    <message>
        <location filename="../../ui/cases_page.py" line="200" />
        <source>Searching…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <location filename="../../ui/cases_page.py" line="218" />
        <source>More than {n} cases</source>
        <translation>超过 {n} 件</translation>
    </message>
    <message>
        <location filename="../../ui/cases_page.py" line="219" />
        <source>Type more of the number or name to narrow the list</source>
        <translation>多输入几位编号或姓名，缩小查询范围</translation>
    </message>
    <message>
        <location filename="../../ui/cases_page.py" line="221" />
        <source>{n} cases</source>
        <translation>共 {n} 件</translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <location filename="../../ui/catalog_page.py" line="228" />
        <source>Matter catalogue</source>
        <translation>事项目录</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="234" />
        <source>Version &amp;history…</source>
        <translation>版本记录(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="237" />
        <source>&amp;Restore county version…</source>
        <translation>恢复县局版本(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="266" />
        <location filename="../../ui/catalog_page.py" line="430" />
        <location filename="../../ui/catalog_page.py" line="516" />
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="266" />
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="266" />
        <location filename="../../ui/catalog_page.py" line="446" />
        <source>Tier</source>
        <translation>事项级别</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="267" />
        <source>Promised / legal</source>
        <translation>承诺/法定时限</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="267" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="284" />
        <source>&amp;New matter</source>
        <translation>新增事项(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="287" />
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="289" />
        <source>Only matters this office added itself can be removed</source>
        <translation>只能删除本所自行新增的事项；县局目录中的事项不能删除</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="296" />
        <source>&amp;Print brochure</source>
        <translation>打印办事指南(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="299" />
        <source>Print &amp;all (booklet)</source>
        <translation>打印全部（汇编）(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="302" />
        <source>&amp;Tri-fold</source>
        <translation>三折页(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="331" />
        <source> working days</source>
        <translation> 个工作日</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="332" />
        <source>0 (same day)</source>
        <translation>0（即办）</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="370" />
        <source>Basics</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="371" />
        <source>Materials</source>
        <translation>申请材料</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="372" />
        <source>Steps and time limits</source>
        <translation>办理步骤与时限</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="373" />
        <source>Fees and legal basis</source>
        <translation>收费与依据</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="386" />
        <source>Reason for the change</source>
        <translation>修改说明</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="390" />
        <source>e.g. county notice of 2026-11-20: promise shortened</source>
        <translation>例如：依据县局2026年11月20日通知，压缩承诺时限</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="398" />
        <source>Chec&amp;k</source>
        <translation>检查(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="401" />
        <source>Pre&amp;view brochure</source>
        <translation>预览办事指南(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="404" />
        <source>E&amp;xport TOML…</source>
        <translation>导出事项文件(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="406" />
        <source>Save this matter as a catalogue file the county can adopt</source>
        <translation>把本事项存为目录文件（TOML），可报县局采纳</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="408" />
        <source>&amp;Discard changes</source>
        <translation>放弃修改(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="411" />
        <source>&amp;Save as local version</source>
        <translation>保存为本地版本(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="432" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="439" />
        <source>Category</source>
        <translation>事项类别</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="453" />
        <source>legal</source>
        <translation>法定</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="455" />
        <source>promised</source>
        <translation>承诺</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="463" />
        <source>Time limits</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="465" />
        <source>Window</source>
        <translation>办理窗口</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="469" />
        <source>empty: the office's number</source>
        <translation>留空则使用本所电话</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="471" />
        <source>consultation</source>
        <translation>咨询</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="473" />
        <source>complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="480" />
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="482" />
        <source>What it is</source>
        <translation>事项说明</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="484" />
        <source>Who may apply</source>
        <translation>申请条件</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="500" />
        <source>Add row</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="501" />
        <source>Remove row</source>
        <translation>删除此行</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="502" />
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="503" />
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="516" />
        <source>Material</source>
        <translation>材料名称</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="516" />
        <source>Form</source>
        <translation>形式</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="516" />
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="517" />
        <source>Required</source>
        <translation>必交</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="517" />
        <source>When needed</source>
        <translation>提交情形</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="517" />
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="517" />
        <source>Where to get it</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="528" />
        <source>A conditional material (Required unticked) must say when it is needed.</source>
        <translation>视情形提交的材料（不勾选“必交”）须写明在何种情形下提交。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="531" />
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="531" />
        <source>Who</source>
        <translation>办理人</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="532" />
        <source>Days (0 = same day)</source>
        <translation>时限（0 为当天）</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="542" />
        <source>General matters: one review, at most 1 working day per step. Important matters: section chief ≤ 1, deputy leader ≤ 2, leader the same day. Major matters: a collective review followed by the leader. The steps must fit the promise.</source>
        <translation>一般事项实行一审制，每个环节不超过 1 个工作日；重要事项：所长/科长审核不超过 1 个工作日，分管领导审核不超过 2 个工作日，主要领导当天签批；重大事项须经集体会审后由主要领导签批。各环节时限合计不得超过承诺时限。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="549" />
        <source>Legal basis (one per line)</source>
        <translation>设定依据（每行一条）</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="553" />
        <source>Fees (no rows: free of charge)</source>
        <translation>收费项目（没有行即不收费）</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="554" />
        <source>Fee</source>
        <translation>收费项目</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="554" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="554" />
        <source>Basis</source>
        <translation>收费依据</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="693" />
        <source>In use: {version} ({source})</source>
        <translation>使用中：{version}（{source}）</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="696" />
        <source> · reference: {version} ({source})</source>
        <translation> · 对照版本：{version}（{source}）</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="699" />
        <source> · not offered here: {codes}</source>
        <translation> · 本所未办理：{codes}</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="705" />
        <source>Added locally</source>
        <translation>本地新增</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="706" />
        <source>Local change</source>
        <translation>本地修改</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="738" />
        <source>Differs from the county's version: {list}</source>
        <translation>与县局版本不同：{list}</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="751" />
        <source>the new matter</source>
        <translation>新事项</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="752" />
        <source>Unsaved changes</source>
        <translation>尚未保存的修改</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="753" />
        <source>Discard the unsaved changes to {name}?</source>
        <translation>放弃对 {name} 尚未保存的修改吗？</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="827" />
        <source>New matter</source>
        <translation>新增事项</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="828" />
        <source>Editing {code} {name}</source>
        <translation>正在编辑 {code} {name}</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="860" />
        <source> (changed, not saved)</source>
        <translation>（已修改，未保存）</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="868" />
        <source>Choose a matter on the left to edit it, or add a new one.</source>
        <translation>请在左侧选择要编辑的事项，或新增事项。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="912" />
        <source>{table} row {row}</source>
        <translation>{table}第 {row} 行</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="932" />
        <source>Row {row}: {text}</source>
        <translation>第 {row} 行：{text}</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="973" />
        <source>{count} problem(s) to correct before saving.</source>
        <translation>有 {count} 处问题，改正后才能保存。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="977" />
        <source>No problems found.</source>
        <translation>检查通过，没有发现问题。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="1000" />
        <source>Saved. The catalogue in use is now {version} ({source}).</source>
        <translation>已保存。当前使用的事项目录为 {version}（{source}）。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="1022" />
        <source>Restore county version</source>
        <translation>恢复县局版本</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="1023" />
        <source>Use the county's catalogue again? Local versions stay in the history and can be used again; cases already accepted keep their matter.</source>
        <translation>恢复使用县局发布的事项目录吗？本地版本保留在版本记录中，可以再次启用；已受理的办件不受影响。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="1039" />
        <source>The catalogue in use is now {version} ({source}).</source>
        <translation>当前使用的事项目录为 {version}（{source}）。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="1050" />
        <source>Remove matter</source>
        <translation>删除事项</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="1051" />
        <source>Remove {code} {name} from the catalogue in use? Cases already accepted keep it. The reason for the change is recorded.</source>
        <translation>从当前事项目录中删除 {code} {name} 吗？已受理的办件不受影响，修改说明将被记录。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="1064" />
        <source>Removed {code}</source>
        <translation>删除事项 {code}</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="1101" />
        <location filename="../../ui/catalog_page.py" line="1109" />
        <location filename="../../ui/catalog_page.py" line="1114" />
        <location filename="../../ui/catalog_page.py" line="1122" />
        <location filename="../../ui/catalog_page.py" line="1129" />
        <source>Printing failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="1151" />
        <source>Export matter file</source>
        <translation>导出事项文件</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="1152" />
        <source>Catalogue files (*.toml)</source>
        <translation>事项目录文件 (*.toml)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="1164" />
        <source>Could not write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="1167" />
        <source>Written to {path}</source>
        <translation>已写入 {path}</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/sign_in_dialog.py" line="84" />
        <location filename="../../ui/sign_in_dialog.py" line="113" />
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in_dialog.py" line="88" />
        <source>Your password was set by the administrator. Choose your own password before you continue; only you should know it.</source>
        <translation>您的密码是系统管理员设置的。请先设置您自己的新密码再继续，新密码只应您本人知道。</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in_dialog.py" line="96" />
        <source>Current password</source>
        <translation>原密码</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in_dialog.py" line="97" />
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in_dialog.py" line="98" />
        <source>New password again</source>
        <translation>再输一遍新密码</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in_dialog.py" line="107" />
        <source>At least 8 characters, not only digits</source>
        <translation>至少 8 个字符，不能全是数字</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in_dialog.py" line="114" />
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in_dialog.py" line="114" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in_dialog.py" line="138" />
        <source>The two passwords are not the same</source>
        <translation>两次输入的密码不一致</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <location filename="../../ui/petitions_page.py" line="244" />
        <source>Close as resolved</source>
        <translation>化解结案</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="246" />
        <source>Close case</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="247" />
        <source>{number} · {petitioner} · {subject} · {contacts} contacts logged</source>
        <translation>{number} · {petitioner} · {subject} · 已登记联系 {contacts} 次</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="259" />
        <source>How the matter was resolved, whether the petitioner accepts it, and any written agreement or pledge (at least {n} characters)</source>
        <translation>问题怎样解决、信访人是否认可、有无书面协议或承诺（至少 {n} 个字）</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="262" />
        <source>&amp;Resolved by:</source>
        <translation>结案方式(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="264" />
        <source>&amp;Resolution:</source>
        <translation>化解情况(&amp;E)：</translation>
    </message>
</context>
<context>
    <name>CollectiveDialog</name>
    <message>
        <location filename="../../ui/routing_panel.py" line="455" />
        <source>Collective review</source>
        <translation>集体会审</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="458" />
        <source>Meeting &amp;date:</source>
        <translation>会审日期(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="460" />
        <source>Names, separated by 、</source>
        <translation>参会人员姓名，用“、”分隔</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="461" />
        <source>&amp;Participants:</source>
        <translation>参会人员(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="463" />
        <source>Agree</source>
        <translation>同意</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="463" />
        <source>Disagree</source>
        <translation>不同意</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="464" />
        <source>Deferred</source>
        <translation>暂缓，另行会审</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="466" />
        <source>D&amp;ecision:</source>
        <translation>会审结论(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="468" />
        <source>&amp;Minutes:</source>
        <translation>会议纪要(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="469" />
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="481" />
        <source>List who took part in the meeting</source>
        <translation>请填写参会人员</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="483" />
        <source>Summarise the minutes of the meeting</source>
        <translation>请填写会议纪要要点</translation>
    </message>
</context>
<context>
    <name>CompleteDialog</name>
    <message>
        <location filename="../../ui/routing_panel.py" line="489" />
        <source>Complete the case</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="491" />
        <source>The decision is printed as the decision notice for the applicant.</source>
        <translation>决定内容将打印在送达申请人的办结通知书上。</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="495" />
        <source>&amp;Result:</source>
        <translation>办结结果(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="497" />
        <source>&amp;Decision and reasons:</source>
        <translation>决定内容及理由(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="498" />
        <source>Complete and print notice</source>
        <translation>办结并打印通知书</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="507" />
        <source>Write the decision and its reasons</source>
        <translation>请填写决定内容及理由</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../ui/petitions_page.py" line="175" />
        <source>Log a contact</source>
        <translation>登记联系情况</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="177" />
        <source>Save contact</source>
        <translation>保存联系记录</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="178" />
        <source>{number} · {petitioner} · {subject} · paired with {leader} since {since}</source>
        <translation>{number} · {petitioner} · {subject} · {since} 起由{leader}结对</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="187" />
        <source>{name} (me)</source>
        <translation>{name}（本人）</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="190" />
        <source>e.g. village party secretary, township petition office</source>
        <translation>如：村支部书记、镇信访办</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="192" />
        <source>What was talked about; what the petitioner asks</source>
        <translation>谈了什么；信访人有何诉求</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="194" />
        <source>The petitioner's attitude; what was agreed</source>
        <translation>信访人态度；达成了什么</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="196" />
        <source>&amp;Date:</source>
        <translation>联系日期(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="197" />
        <source>&amp;Form:</source>
        <translation>联系方式(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="198" />
        <source>&amp;Leader:</source>
        <translation>接待领导(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="199" />
        <source>Also &amp;present:</source>
        <translation>参加人员(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="200" />
        <source>&amp;Content:</source>
        <translation>联系内容(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="201" />
        <source>Res&amp;ult of the contact:</source>
        <translation>联系结果(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="202" />
        <source>&amp;Next step:</source>
        <translation>下一步(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>CountyPage</name>
    <message>
        <location filename="../../ui/county_page.py" line="93" />
        <source>{month}</source>
        <translation>{month}月</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="100" />
        <source>&amp;Year:</source>
        <translation>年度(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="102" />
        <source>&amp;Months:</source>
        <translation>月份(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="104" />
        <source>&amp;Township:</source>
        <translation>乡镇(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="110" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="114" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="116" />
        <source>&amp;Export to Excel…</source>
        <translation>导出 Excel(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="122" />
        <source>Received</source>
        <translation>收件</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="122" />
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="122" />
        <source>Completed</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="122" />
        <source>On time</source>
        <translation>按时办结</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="123" />
        <source>Completed late</source>
        <translation>超期办结</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="123" />
        <source>Open overdue</source>
        <translation>在办超期</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="123" />
        <source>Still open</source>
        <translation>在办</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="124" />
        <source>Overdue total</source>
        <translation>超期合计</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="124" />
        <source>On-time rate</source>
        <translation>按时办结率</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="128" />
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="128" />
        <location filename="../../ui/county_page.py" line="130" />
        <location filename="../../ui/county_page.py" line="134" />
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="130" />
        <source>Matter code</source>
        <translation>事项编码</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="131" />
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="134" />
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="136" />
        <source>By township</source>
        <translation>按乡镇</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="137" />
        <source>By township and matter</source>
        <translation>按乡镇和事项</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="138" />
        <source>By month</source>
        <translation>按月份</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="144" />
        <source>Counts cover the cases received in the chosen months (Beijing time). Double-click or press Enter on a township to see its cases.</source>
        <translation>统计所选月份内收件的办件（北京时间）。在乡镇一行上双击或按回车键查看该乡镇的办件。</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="179" />
        <source>{year}</source>
        <translation>{year}年</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="181" />
        <source>All townships</source>
        <translation>全部乡镇</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="230" />
        <source>{period}: {received} received, {accepted} accepted, {completed} completed ({rate} on time), {open} open of which {overdue} overdue; as of {today}.</source>
        <translation>{period}：收件 {received} 件，受理 {accepted} 件，办结 {completed} 件（按时办结率 {rate}），在办 {open} 件，其中超期 {overdue} 件；截至 {today}。</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="248" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="306" />
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="307" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="317" />
        <source>Writing {path}…</source>
        <translation>正在写入 {path}…</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="324" />
        <source>Exported</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="325" />
        <source>The summary was saved to:
{path}</source>
        <translation>汇总表已保存到：
{path}</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../ui/package_dialogs.py" line="470" />
        <source>Acceptance of {number}</source>
        <translation>任务包 {number} 验收</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="473" />
        <source>{title}
Progress {progress}; open inspections: {open}</source>
        <translation>{title}
进度 {progress}；未整改督查 {open} 项</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="478" />
        <source>&amp;Accept</source>
        <translation>验收出库(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="479" />
        <source>Send &amp;back</source>
        <translation>退回(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="484" />
        <source>Decision:</source>
        <translation>决定：</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="486" />
        <source>&amp;Opinion or reason:</source>
        <translation>验收意见或退回理由(&amp;O)：</translation>
    </message>
</context>
<context>
    <name>DownlinkDialog</name>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="734" />
        <source>Export downlinks for townships</source>
        <translation>导出下发文件</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="737" />
        <source>Each township gets one file, signed with the county's key: the acknowledgement of the batches received, the current catalogue, the holiday calendar and supervision notices.</source>
        <translation>每个乡镇所一个文件，以县局密钥签名：内含已收到批次的回执、现行事项目录、节假日安排和督办单。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="742" />
        <source>&amp;All townships</source>
        <translation>全部乡镇(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="751" />
        <source>Folder for the downlink files</source>
        <translation>下发文件保存位置</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="755" />
        <source>&amp;Export downlinks</source>
        <translation>导出下发文件(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="760" />
        <source>Export &amp;recovery file for the ticked township</source>
        <translation>为勾选的乡镇导出恢复文件(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="763" />
        <source>For a township that lost data (restored an old backup or set up a new database): every row of that township the county holds, to be imported there.</source>
        <translation>用于丢失了数据的乡镇所（恢复了旧备份或重新建立了数据库）：县局保存的该所全部数据，交给该所导入。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="819" />
        <location filename="../../ui/sync_dialogs.py" line="859" />
        <source>Choose the folder to write the files to first.</source>
        <translation>请先选择保存文件的文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="821" />
        <source>Tick at least one township, or choose all.</source>
        <translation>请至少勾选一个乡镇，或选择全部乡镇。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="836" />
        <source>{count} downlink file(s) written:</source>
        <translation>已写入 {count} 个下发文件：</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="862" />
        <source>A recovery file is for one township: untick "All townships" and tick the township that lost data.</source>
        <translation>恢复文件只针对一个乡镇：请取消“全部乡镇”，只勾选丢失数据的那个乡镇。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="878" />
        <source>Recovery file for {code} written. The township imports it with Sync → Import files (after restoring its backup, or in its new database):</source>
        <translation>已写入 {code} 的恢复文件。请该所在“同步 → 导入同步文件”中导入（恢复备份之后，或在新建的数据库中）：</translation>
    </message>
</context>
<context>
    <name>EnterDialog</name>
    <message>
        <location filename="../../ui/package_dialogs.py" line="159" />
        <source>Enter a task package</source>
        <translation>任务包入库</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="164" />
        <source>Enter package</source>
        <translation>入库</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="167" />
        <source>e.g. 2026 village renovation (Dongwang village)</source>
        <translation>如：2026年度村庄改造（东王村）</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="168" />
        <source>Package &amp;title:</source>
        <translation>任务名称(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="174" />
        <source>&amp;Category:</source>
        <translation>类别(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="177" />
        <source>&amp;Description:</source>
        <translation>任务说明(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="180" />
        <source>Counts towards &amp;target:</source>
        <translation>计入目标任务(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="186" />
        <source>leave empty if not measurable</source>
        <translation>不可计量的任务可不填</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="194" />
        <source>Target &amp;quantity:</source>
        <translation>目标数量(&amp;Q)：</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="196" />
        <source>&amp;Start date:</source>
        <translation>开始日期(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="208" />
        <source>&amp;Working days:</source>
        <translation>工期（工作日）(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="215" />
        <source>What is to be reached</source>
        <translation>节点内容</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="217" />
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="218" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="228" />
        <source>&amp;Milestones:</source>
        <translation>进度节点(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="230" />
        <source>C&amp;o-workers:</source>
        <translation>协办人(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="252" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="268" />
        <source>due {date}</source>
        <translation>{date} 到期</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="270" />
        <source> (calendar of {years} not yet published)</source>
        <translation>（{years} 年的工作日历尚未发布）</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <location filename="../../ui/assessment_page.py" line="61" />
        <source>Enter an assessment score</source>
        <translation>考核录入</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="65" />
        <source>{office}, {year}: a deduction needs its reason; a veto needs the facts and their basis.</source>
        <translation>{office}，{year}年度：扣分、加分须写明理由；一票否决须写明事实和依据。</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="73" />
        <source>Deduct · {code} {name} (≤ {points})</source>
        <translation>项目扣分 · {code} {name}（≤{points}）</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="76" />
        <source>Bonus · {code} {name} (≤ {points})</source>
        <translation>加分 · {code} {name}（≤{points}）</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="79" />
        <source>Deduction off the total · {code} {name} (≤ {points})</source>
        <translation>总分扣分 · {code} {name}（≤{points}）</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="82" />
        <source>Veto · {code} {name}</source>
        <translation>一票否决 · {code} {name}</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="85" />
        <source>e.g. 2 or 0.5</source>
        <translation>如 2 或 0.5</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="88" />
        <source>document number, record book page …</source>
        <translation>文号、记录本页码等</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="94" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="98" />
        <source>&amp;Item:</source>
        <translation>考核项目(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="99" />
        <source>&amp;Points:</source>
        <translation>分数(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="100" />
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="101" />
        <source>&amp;Evidence:</source>
        <translation>依据(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="102" />
        <source>Evidence &amp;file:</source>
        <translation>证明材料文件(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="120" />
        <source>Evidence file</source>
        <translation>证明材料文件</translation>
    </message>
</context>
<context>
    <name>ExportBatchDialog</name>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="355" />
        <source>Export batch for the county</source>
        <translation>导出上报县局的文件</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="358" />
        <source>The batch holds every change the county has not acknowledged yet. Choose the USB stick (or a folder) to write it to.</source>
        <translation>上报文件包含县局尚未确认收到的全部变更。请选择 U 盘（或文件夹）保存。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="364" />
        <source>Folder for the batch file</source>
        <translation>上报文件保存位置</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="369" />
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="372" />
        <source>&amp;Cancel export</source>
        <translation>取消导出(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="384" />
        <source>Table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="384" />
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="386" />
        <source>Batches sent but not yet acknowledged by the county (re-make one if its file was lost):</source>
        <translation>已导出但县局尚未确认的批次（文件丢失时可重新生成）：</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="388" />
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="404" />
        <source>Batch {seq}</source>
        <translation>第 {seq} 批</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="405" />
        <source>Re-make</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="413" />
        <source>Choose the folder (USB stick) to write to first.</source>
        <translation>请先选择保存位置（U 盘或文件夹）。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="428" />
        <source>Writing the batch…</source>
        <translation>正在写入上报文件…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="459" />
        <source>Batch {seq} written: {path}</source>
        <translation>第 {seq} 批已写入：{path}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="460" />
        <source>{count} change(s) in the file.</source>
        <translation>文件中共有 {count} 条变更。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="462" />
        <source>This is a re-made copy of batch {seq} (same number, same records): the county treats it as the same batch.</source>
        <translation>这是第 {seq} 批的重新生成件（批次号和记录都相同），县局会视为同一批次。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="465" />
        <source>{count} record(s) carry an implausible time (PC clock wrong?); they are flagged in the file, not trusted.</source>
        <translation>有 {count} 条记录的时间不合理（电脑时钟可能有误），已在文件中标注，不作为依据。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="482" />
        <source>Export cancelled: nothing was marked as sent.</source>
        <translation>已取消导出：没有任何记录被标记为已上报。</translation>
    </message>
</context>
<context>
    <name>FileList</name>
    <message>
        <location filename="../../ui/package_dialogs.py" line="97" />
        <source>Add &amp;file…</source>
        <translation>添加文件(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="98" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="108" />
        <source>Evidence files</source>
        <translation>证明材料</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <location filename="../../ui/supervision_page.py" line="101" />
        <source>Follow-up of a bad rating</source>
        <translation>差评回访整改</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="102" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="103" />
        <source>{subject} · {level} · rated {at} · due {due}
{comment}</source>
        <translation>{subject} · {level} · 评价于 {at} · 期限 {due}
{comment}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="108" />
        <source>When and how the person was visited or called, and what they said</source>
        <translation>何时以何种方式回访，群众的意见</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="109" />
        <source>Return &amp;visit:</source>
        <translation>回访情况(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="112" />
        <source>What was changed so it does not happen again</source>
        <translation>采取了哪些整改措施，防止再次发生</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="113" />
        <source>&amp;Rectification:</source>
        <translation>整改措施(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="114" />
        <source>&amp;Close the follow-up (both are written)</source>
        <translation>办结回访整改（回访情况和整改措施均已填写）(&amp;C)</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../ui/home_page.py" line="118" />
        <source>Open cases</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="91" />
        <location filename="../../ui/home_page.py" line="119" />
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="81" />
        <source>My work</source>
        <translation>我的办件</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="89" />
        <source>My inbox</source>
        <translation>我的待办</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="90" />
        <source>Not yet received</source>
        <translation>待签收</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="92" />
        <location filename="../../ui/home_page.py" line="120" />
        <source>Due within 2 working days</source>
        <translation>两个工作日内到期</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="93" />
        <location filename="../../ui/home_page.py" line="121" />
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="110" />
        <source>Office cases</source>
        <translation>全所办件</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="122" />
        <source>Waiting for supplements</source>
        <translation>待补正</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="138" />
        <source>Tasks, study and petitions</source>
        <translation>任务包、学习与结对消访</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="159" />
        <source>&amp;New application (Ctrl+N)</source>
        <translation>新建受理(&amp;N)（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="199" />
        <source>My task packages
{count} open, {late} overdue</source>
        <translation>我的任务包
未完成 {count} 项，逾期 {late} 项</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="201" />
        <source>Overdue task packages
{count}</source>
        <translation>全所逾期任务包
{count}</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="203" />
        <source>My self-study this week
{hours} of {minimum} hours</source>
        <translation>本周我的自学
{hours} / {minimum} 小时</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="205" />
        <source>Petitioners not contacted for over {days} days
{count}</source>
        <translation>超过 {days} 天未联系的信访老户
{count}</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="234" />
        <source>Hello, {name}</source>
        <translation>{name}，您好</translation>
    </message>
    <message>
        <location filename="../../ui/home_page.py" line="242" />
        <source>The official holidays of {year} are not entered yet: deadlines reaching into {year} are counted with weekends only and marked as provisional. Enter them under Working calendar when they are published.</source>
        <translation>{year}年的法定节假日安排尚未录入：延伸到{year}年的办理期限暂按周末推算，并标注为“待定”。国务院办公厅公布后，请在“工作日历”中录入。</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <location filename="../../ui/idle_lock.py" line="295" />
        <source>You must choose your own password before you can continue.</source>
        <translation>必须先设置您自己的密码才能继续使用。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="505" />
        <source>Import sync files</source>
        <translation>导入同步文件</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="514" />
        <source>Files to import (.ldsync). Check them first: nothing is written until you choose Import. A township that lost data imports the county's recovery file here too.</source>
        <translation>要导入的同步文件（.ldsync）。请先检查：选择“导入”之前不会写入任何数据。丢失数据的乡镇所也在这里导入县局的恢复文件。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="525" />
        <source>&amp;Add files…</source>
        <translation>添加文件(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="527" />
        <source>C&amp;lear list</source>
        <translation>清空列表(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="535" />
        <source>&amp;Check (do not import)</source>
        <translation>检查（不导入）(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="537" />
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="555" />
        <source>By table, for the file selected above:</source>
        <translation>上面所选文件按数据表统计：</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="556" />
        <source>Table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="556" />
        <location filename="../../ui/sync_dialogs.py" line="591" />
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="556" />
        <location filename="../../ui/sync_dialogs.py" line="591" />
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="557" />
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="557" />
        <location filename="../../ui/sync_dialogs.py" line="591" />
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="558" />
        <location filename="../../ui/sync_dialogs.py" line="591" />
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="558" />
        <location filename="../../ui/sync_dialogs.py" line="592" />
        <source>Refused</source>
        <translation>拒收</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="559" />
        <source>Kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="568" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="572" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="576" />
        <source>Import history</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="590" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="590" />
        <source>Office</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="590" />
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="590" />
        <source>Outcome</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="590" />
        <source>Message</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="592" />
        <source>Missing batches</source>
        <translation>缺失批次</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="603" />
        <source>Choose sync files</source>
        <translation>选择同步文件</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="604" />
        <source>Sync files (*.ldsync);;All files (*)</source>
        <translation>同步文件 (*.ldsync);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="628" />
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="628" />
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="651" />
        <source>Checked {count} file(s); nothing was written.</source>
        <translation>已检查 {count} 个文件，未写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="652" />
        <source>Imported {count} file(s).</source>
        <translation>已处理 {count} 个文件。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="654" />
        <source>{count} refused (in red): the database is unchanged for them.</source>
        <translation>其中 {count} 个被拒收（红色），数据库未因其作任何更改。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="657" />
        <source>{count} held until the missing batches arrive.</source>
        <translation>{count} 个暂存，待缺失批次到达后自动导入。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="677" />
        <source>(then applied the held batches {seqs})</source>
        <translation>（随后导入了暂存的第 {seqs} 批）</translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <location filename="../../ui/inbox_page.py" line="103" />
        <source>Case number</source>
        <translation>受理编号</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="103" />
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="103" />
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="104" />
        <source>Current step</source>
        <translation>当前环节</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="104" />
        <source>Sent to me</source>
        <translation>移交时间</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="104" />
        <source>Signed for</source>
        <translation>签收</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="105" />
        <source>Step due</source>
        <translation>环节时限</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="105" />
        <source>Case due</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="135" />
        <source>G {number}</source>
        <translation>绿 {number}</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="146" />
        <source>Not yet</source>
        <translation>未签收</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="152" />
        <source>{date} paused</source>
        <translation>{date}（暂停）</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="152" />
        <source>paused</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="159" />
        <source>Green channel (key project): handle first</source>
        <translation>绿色通道（重点项目）：优先办理</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="161" />
        <source>Clock paused (暂停计时): the days do not count</source>
        <translation>暂停计时：暂停期间不计入办理时限</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="163" />
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="165" />
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="167" />
        <source>Due within 2 working days</source>
        <translation>两个工作日内到期</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="169" />
        <source>Sent to you but not yet received (签收)</source>
        <translation>已移交给您，尚未签收</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <location filename="../../ui/inbox_page.py" line="224" />
        <location filename="../../ui/inbox_page.py" line="363" />
        <source>My inbox</source>
        <translation>我的待办</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="232" />
        <source>All my cases</source>
        <translation>全部待办</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="233" />
        <source>Not yet received</source>
        <translation>待签收</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="234" />
        <location filename="../../ui/inbox_page.py" line="321" />
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="235" />
        <location filename="../../ui/inbox_page.py" line="322" />
        <source>Due within 2 working days</source>
        <translation>两个工作日内到期</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="236" />
        <location filename="../../ui/inbox_page.py" line="320" />
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="239" />
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="243" />
        <source>Office overdue (全所超期)</source>
        <translation>全所超期</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="246" />
        <source>Every overdue case of the office, whoever holds it</source>
        <translation>全所所有超期办件，不论在谁手上</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="295" />
        <source>&amp;Handle…</source>
        <translation>办理(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="298" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="323" />
        <source>Clock paused</source>
        <translation>暂停计时</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="324" />
        <source>G = green channel</source>
        <translation>绿 = 绿色通道</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="344" />
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="363" />
        <source>Overdue in the office</source>
        <translation>全所超期办件</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="407" />
        <source>{n} overdue cases in the office</source>
        <translation>全所超期 {n} 件</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="408" />
        <source>No case of the office is overdue.</source>
        <translation>全所没有超期办件。</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="411" />
        <source>{n} shown · {total} in my inbox · {unreceived} not yet received · {overdue} overdue</source>
        <translation>显示 {n} 件 · 待办共 {total} 件 · 待签收 {unreceived} 件 · 超期 {overdue} 件</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="416" />
        <source>Nothing in your inbox.</source>
        <translation>您手上没有待办件。</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="417" />
        <source>None of your cases is in this list.</source>
        <translation>没有符合条件的待办件。</translation>
    </message>
</context>
<context>
    <name>InquiryPage</name>
    <message>
        <location filename="../../ui/inquiry_page.py" line="621" />
        <source>New call or visit (first-inquiry log)</source>
        <translation>来电来访登记（首问负责制）</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="632" />
        <source>Visit</source>
        <translation>来访</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="633" />
        <source>Phone call</source>
        <translation>来电</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="634" />
        <source>person's name, or the unit's name</source>
        <translation>个人姓名或单位名称</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="635" />
        <source>optional: mobile or landline</source>
        <translation>选填：手机或固定电话</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="636" />
        <source>village, group, house number</source>
        <translation>村、组、门牌号</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="643" />
        <source>a catalogue matter, or in your words</source>
        <translation>选择目录事项，或直接填写</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="650" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="651" />
        <source>what the person asked or reported</source>
        <translation>来电来访人咨询或反映的内容</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="654" />
        <location filename="../../ui/inquiry_page.py" line="736" />
        <source>Answered on the spot</source>
        <translation>当场答复</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="655" />
        <location filename="../../ui/inquiry_page.py" line="737" />
        <source>Forwarded</source>
        <translation>转办</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="656" />
        <source>section, office or person</source>
        <translation>股室、单位或经办人</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="659" />
        <source>optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="660" />
        <source>&amp;Save (Enter)</source>
        <translation>保存(&amp;S)（回车）</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="663" />
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="667" />
        <source>&amp;Way</source>
        <translation>方式(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="668" />
        <source>&amp;Name / unit</source>
        <translation>姓名/单位(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="669" />
        <source>&amp;Phone</source>
        <translation>联系电话(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="670" />
        <source>A&amp;ddress</source>
        <translation>住址(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="671" />
        <source>Matter as&amp;ked</source>
        <translation>咨询事项(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="672" />
        <source>Materials &amp;received</source>
        <translation>接收材料(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="673" />
        <source>&amp;Question</source>
        <translation>咨询内容(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="674" />
        <source>&amp;Handling</source>
        <translation>办理方式(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="675" />
        <source>&amp;Forwarded to</source>
        <translation>转办至(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="676" />
        <source>Responsi&amp;ble</source>
        <translation>责任人(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="677" />
        <source>&amp;Outcome</source>
        <translation>办理结果(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="721" />
        <source>Search: name or unit, phone (beginning), matter, question, forwarded to</source>
        <translation>查找：姓名或单位、电话（开头）、事项、内容、转办对象</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="725" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="725" />
        <source>Last 7 days</source>
        <translation>近7天</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="726" />
        <source>Last 30 days</source>
        <translation>近30天</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="726" />
        <source>All days</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="729" />
        <source>Da&amp;ys:</source>
        <translation>日期(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="735" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="738" />
        <source>Awaiting outcome</source>
        <translation>待办结</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="740" />
        <source>Filt&amp;er:</source>
        <translation>筛选(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="787" />
        <source>Record o&amp;utcome…</source>
        <translation>登记办理结果(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="789" />
        <source>R&amp;ate service…</source>
        <translation>服务评价(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="791" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="796" />
        <source>Register of</source>
        <translation>登记簿日期</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="802" />
        <source>Print re&amp;gister…</source>
        <translation>打印登记簿(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="865" />
        <source>{name} (me)</source>
        <translation>{name}（本人）</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="874" />
        <source>First officer: {name}</source>
        <translation>首问人：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="943" />
        <source>Logged: {asker}, {time}.</source>
        <translation>已登记：{asker}，{time}。</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="954" />
        <source>Nothing was saved.</source>
        <translation>未保存。</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="968" />
        <source>Nothing was saved: {n} problem(s) marked in red.</source>
        <translation>未保存：有 {n} 处问题，已用红色标出。</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="1010" />
        <source>Searching…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="1039" />
        <source>{n} entries</source>
        <translation>共 {n} 条登记</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="1070" />
        <source>{time} · {asker}: {question}</source>
        <translation>{time} · {asker}：{question}</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="1079" />
        <source>Rating saved ({level}): a follow-up is due by {date}.</source>
        <translation>评价已保存（{level}），须于 {date} 前完成回访整改。</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="1082" />
        <source>Rating saved ({level}).</source>
        <translation>评价已保存（{level}）。</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="1096" />
        <source>Outcome saved: {asker}.</source>
        <translation>办理结果已保存：{asker}。</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="1140" />
        <source>The register could not be made.</source>
        <translation>登记簿未能生成。</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="1141" />
        <source>Printing failed</source>
        <translation>打印失败</translation>
    </message>
</context>
<context>
    <name>InquiryTableModel</name>
    <message>
        <location filename="../../ui/inquiry_page.py" line="417" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="417" />
        <source>Way</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="417" />
        <source>Name or unit</source>
        <translation>姓名/单位</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="417" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="418" />
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="418" />
        <source>Question</source>
        <translation>咨询内容</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="418" />
        <source>First officer</source>
        <translation>首问人</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="419" />
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="419" />
        <source>Handling</source>
        <translation>办理方式</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="419" />
        <source>Outcome</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="419" />
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="527" />
        <source>Phone call</source>
        <translation>来电</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="527" />
        <source>Visit</source>
        <translation>来访</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="542" />
        <source>Forwarded to {target}</source>
        <translation>转办：{target}</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="543" />
        <source>Answered on the spot</source>
        <translation>当场答复</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="547" />
        <source>Awaiting outcome</source>
        <translation>待办结</translation>
    </message>
</context>
<context>
    <name>InspectDialog</name>
    <message>
        <location filename="../../ui/package_dialogs.py" line="390" />
        <source>Inspect {number}</source>
        <translation>督查任务包 {number}</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="394" />
        <source>{title}
Responsible: {person}</source>
        <translation>{title}
责任人：{person}</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="396" />
        <source>Issue inspection</source>
        <translation>下达督查</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="398" />
        <source>&amp;Found:</source>
        <translation>发现问题(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="400" />
        <source>&amp;Requirement:</source>
        <translation>整改要求(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="404" />
        <source>within</source>
        <translation>限</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="411" />
        <source>by</source>
        <translation>或截至</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="420" />
        <source>&amp;Put right:</source>
        <translation>整改期限(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="424" />
        <source>working days ({date})</source>
        <translation>个工作日（{date}）</translation>
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
    <name>LockScreen</name>
    <message>
        <location filename="../../ui/idle_lock.py" line="88" />
        <source>landdesk is locked</source>
        <translation>一窗受理系统已锁定</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="92" />
        <source>{name} has been away. Enter your password to continue, or sign in as another user.</source>
        <translation>{name} 已离开一段时间。请输入密码继续，或换其他用户登录。</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="95" />
        <source>Sign in to continue.</source>
        <translation>请登录后继续。</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="105" />
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="106" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="110" />
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="128" />
        <source>landdesk</source>
        <translation>一窗受理</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="135" />
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="135" />
        <source>Intake</source>
        <translation>受理登记</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="135" />
        <source>Cases</source>
        <translation>办件查询</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="135" />
        <source>Working calendar</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="147" />
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="178" />
        <source>landdesk — {office}</source>
        <translation>一窗受理 — {office}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="494" />
        <source>landdesk {version}
Data folder: {folder}
Database: {db} {size}
Last backup: {backup}
Log: {log}</source>
        <translation>landdesk {version}
数据文件夹：{folder}
数据库：{db} {size}
最近一次备份：{backup}
日志：{log}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="498" />
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="517" />
        <source>Backup restored</source>
        <translation>备份已恢复</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="518" />
        <source>The database was restored from {name}. landdesk now closes; start it again to go on.</source>
        <translation>数据库已用 {name} 恢复。程序现在关闭，请重新打开后继续工作。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="550" />
        <source>{office} ({code}) · {user} · database: {db}</source>
        <translation>{office}（{code}） · {user} · 数据库：{db}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="270" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="136" />
        <source>My inbox</source>
        <translation>我的待办</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="136" />
        <source>First inquiries</source>
        <translation>首问登记</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="136" />
        <source>Supervision</source>
        <translation>督查督办</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="186" />
        <source>Registers</source>
        <translation>台账</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="186" />
        <source>Monthly report</source>
        <translation>月报</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="186" />
        <source>Assessment</source>
        <translation>考核</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="187" />
        <source>Targets</source>
        <translation>目标任务</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="187" />
        <source>Task packages</source>
        <translation>任务包</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="187" />
        <source>Study supervision</source>
        <translation>学习监督</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="188" />
        <source>Petition pairing</source>
        <translation>结对消访</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="191" />
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="194" />
        <source>Matter catalogue</source>
        <translation>事项目录</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="198" />
        <source>County summary</source>
        <translation>县局汇总</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="271" />
        <source>&amp;New application</source>
        <translation>新建受理(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="274" />
        <source>&amp;Find case</source>
        <translation>查找办件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="278" />
        <source>&amp;Backup and restore…</source>
        <translation>备份与恢复(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="283" />
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="287" />
        <source>&amp;Account</source>
        <translation>账户(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="288" />
        <source>&amp;Change my password…</source>
        <translation>修改密码(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="289" />
        <source>&amp;Lock screen</source>
        <translation>锁屏(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="292" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="293" />
        <source>&amp;About landdesk</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="298" />
        <source>S&amp;ync</source>
        <translation>同步(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="300" />
        <source>Sync &amp;status and keys…</source>
        <translation>同步状态与密钥(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="302" />
        <source>&amp;Export batch for the county…</source>
        <translation>导出上报文件(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="304" />
        <source>&amp;Import files…</source>
        <translation>导入同步文件(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="306" />
        <source>Export &amp;downlinks for townships…</source>
        <translation>导出下发文件(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="431" />
        <source>Nothing is waiting for you.</source>
        <translation>您手上暂无待办事项。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="433" />
        <source>You hold {count} open case(s).</source>
        <translation>您手上有 {count} 件在办案件。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="434" />
        <source>{count} overdue</source>
        <translation>已超期 {count} 件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="435" />
        <source>{count} due today</source>
        <translation>今日到期 {count} 件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="436" />
        <source>{count} due within 2 working days</source>
        <translation>两个工作日内到期 {count} 件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="437" />
        <source>{count} not yet signed for</source>
        <translation>待签收 {count} 件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="440" />
        <source>Of these: {parts}.</source>
        <translation>其中：{parts}。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="440" />
        <source>, </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="442" />
        <source>{count} supervision notice(s) await your reply.</source>
        <translation>有 {count} 份督办单等待您回复。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="444" />
        <source>{count} bad rating follow-up(s) are open.</source>
        <translation>有 {count} 件差评回访整改尚未办结。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="446" />
        <source>Today's reminder</source>
        <translation>今日提醒</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="449" />
        <source>Open my inbox</source>
        <translation>打开我的待办</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="450" />
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="468" />
        <source>Unfinished application</source>
        <translation>未完成的受理登记</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="469" />
        <source>An application for {name} was being entered when landdesk last closed ({count} draft(s) in all). Continue it now?</source>
        <translation>上次关闭程序时，{name}的申请尚未登记完成（共 {count} 份草稿）。现在继续登记吗？</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="471" />
        <source>(no name yet)</source>
        <translation>（未填姓名）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="500" />
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
    <name>MonthlyPage</name>
    <message>
        <location filename="../../ui/monthly_page.py" line="100" />
        <source>&amp;Month:</source>
        <translation>月份(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="105" />
        <source>&amp;Township:</source>
        <translation>乡镇(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="114" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="116" />
        <source>&amp;Export to Excel…</source>
        <translation>导出 Excel(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="118" />
        <source>&amp;Print preview…</source>
        <translation>打印预览(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="120" />
        <source>Save P&amp;DF…</source>
        <translation>保存 PDF(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="134" />
        <source>Matter code</source>
        <translation>事项编码</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="134" />
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="134" />
        <location filename="../../ui/monthly_page.py" line="322" />
        <location filename="../../ui/monthly_page.py" line="352" />
        <source>Received</source>
        <translation>收件</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="134" />
        <location filename="../../ui/monthly_page.py" line="322" />
        <location filename="../../ui/monthly_page.py" line="354" />
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="135" />
        <source>Not accepted</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="135" />
        <source>One-time notices</source>
        <translation>一次性告知</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="135" />
        <location filename="../../ui/monthly_page.py" line="322" />
        <source>Completed</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="136" />
        <source>Completed on time</source>
        <translation>按期办结</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="136" />
        <source>Overdue cases</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="136" />
        <location filename="../../ui/monthly_page.py" line="323" />
        <source>On-time completion rate</source>
        <translation>按期办结率</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="137" />
        <source>Average working days</source>
        <translation>平均用时（工作日）</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="137" />
        <source>Green channel</source>
        <translation>绿色通道</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="140" />
        <location filename="../../ui/monthly_page.py" line="304" />
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="140" />
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="140" />
        <source>Previous month</source>
        <translation>上月</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="141" />
        <location filename="../../ui/monthly_page.py" line="142" />
        <location filename="../../ui/monthly_page.py" line="306" />
        <location filename="../../ui/monthly_page.py" line="307" />
        <source>Change</source>
        <translation>增减</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="141" />
        <location filename="../../ui/monthly_page.py" line="142" />
        <location filename="../../ui/monthly_page.py" line="306" />
        <location filename="../../ui/monthly_page.py" line="308" />
        <source>Change %</source>
        <translation>增减幅度</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="141" />
        <source>Same month last year</source>
        <translation>去年同月</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="185" />
        <source>Counts cover the applications received in the month (Beijing time), as they stand today. Overdue = completed late + open past the due date and not paused; on-time rate = completed on time ÷ completed.</source>
        <translation>统计当月（北京时间）收件的办件，状态截至今天。逾期 = 超期办结 + 在办已超过办结期限（暂停计时中的不计）；按期办结率 = 按期办结 ÷ 办结。</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="221" />
        <source>{year}-{month:02d}</source>
        <translation>{year}年{month}月</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="227" />
        <source>All townships</source>
        <translation>全部乡镇</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="253" />
        <source>Counting {year}-{month:02d}…</source>
        <translation>正在统计 {year}年{month}月…</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="270" />
        <source>{month}: {received} received, {accepted} accepted, {completed} completed ({rate} on time), {overdue} overdue, {green} green channel; as of {today}.</source>
        <translation>{month}：收件 {received} 件，受理 {accepted} 件，办结 {completed} 件（按期办结率 {rate}），逾期 {overdue} 件，绿色通道 {green} 件；截至 {today}。</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="281" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="304" />
        <source>This month ({month})</source>
        <translation>本月（{month}）</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="305" />
        <source>Previous month ({month})</source>
        <translation>上月（{month}）</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="307" />
        <source>Same month last year ({month})</source>
        <translation>去年同月（{month}）</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="336" />
        <source>{points} pts</source>
        <translation>{points}个百分点</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="345" />
        <source>{month}/{year}</source>
        <translation>{month}月</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="351" />
        <source>Intake, last 12 months</source>
        <translation>近12个月收件、受理</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="378" />
        <source>On-time completion rate, last 12 months</source>
        <translation>近12个月按期办结率</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="391" />
        <source>On-time completion rate (%)</source>
        <translation>按期办结率（%）</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="418" />
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="420" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="430" />
        <source>Save PDF</source>
        <translation>保存PDF</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="431" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="455" />
        <source>Writing {path}…</source>
        <translation>正在写入 {path}…</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="459" />
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../ui/monthly_page.py" line="460" />
        <source>The monthly report was saved to:
{path}</source>
        <translation>月报已保存到：
{path}</translation>
    </message>
</context>
<context>
    <name>OpinionDialog</name>
    <message>
        <location filename="../../ui/routing_panel.py" line="303" />
        <source>Record opinion</source>
        <translation>填写意见</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="306" />
        <source>Step {step}: your opinion and result go on the transfer slip.</source>
        <translation>“{step}”环节：您的意见和结果将记入传办单。</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="311" />
        <source>&amp;Opinion:</source>
        <translation>意见(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="315" />
        <source>&amp;Agree</source>
        <translation>同意(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="316" />
        <source>&amp;Disagree</source>
        <translation>不同意(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="324" />
        <source>Result:</source>
        <translation>结果：</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="325" />
        <source>Save opinion</source>
        <translation>保存意见</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="334" />
        <source>Write your opinion (for example: 同意，请领导审批)</source>
        <translation>请填写办理意见（例如：同意，请领导审批）</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <location filename="../../ui/inquiry_page.py" line="360" />
        <source>Outcome</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="361" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="362" />
        <source>{asker}: {question}</source>
        <translation>{asker}：{question}</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="365" />
        <source>&amp;Outcome:</source>
        <translation>办理结果(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="366" />
        <source>&amp;Done: close this entry</source>
        <translation>已办结，关闭此登记(&amp;D)</translation>
    </message>
</context>
<context>
    <name>PackagesPage</name>
    <message>
        <location filename="../../ui/packages_page.py" line="109" />
        <source>Not yet accepted</source>
        <translation>未验收</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="110" />
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="113" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="122" />
        <source>&amp;Mine</source>
        <translation>只看我的(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="124" />
        <source>Townshi&amp;p:</source>
        <translation>乡镇所(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="126" />
        <source>Sho&amp;w:</source>
        <translation>显示(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="126" />
        <source>Pe&amp;rson:</source>
        <translation>人员(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="127" />
        <source>Cate&amp;gory:</source>
        <translation>类别(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="127" />
        <source>&amp;Year due:</source>
        <translation>截止年度(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="148" />
        <location filename="../../ui/packages_page.py" line="447" />
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="148" />
        <location filename="../../ui/packages_page.py" line="446" />
        <source>Package no.</source>
        <translation>任务编号</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="148" />
        <source>Title</source>
        <translation>任务名称</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="148" />
        <location filename="../../ui/packages_page.py" line="448" />
        <source>Type of work</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="149" />
        <location filename="../../ui/packages_page.py" line="455" />
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="149" />
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="149" />
        <source>Time left</source>
        <translation>时限情况</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="149" />
        <location filename="../../ui/packages_page.py" line="173" />
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="150" />
        <source>Open inspections</source>
        <translation>未整改督查</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="150" />
        <location filename="../../ui/packages_page.py" line="449" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="153" />
        <location filename="../../ui/packages_page.py" line="357" />
        <source>Overdue {n} working days</source>
        <translation>已逾期 {n} 个工作日</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="166" />
        <source>Overview</source>
        <translation>概况</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="167" />
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="167" />
        <source>Milestone</source>
        <translation>节点内容</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="167" />
        <source>Due by</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="168" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="169" />
        <source>Milestones</source>
        <translation>进度节点</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="170" />
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="170" />
        <source>This report</source>
        <translation>本期完成</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="170" />
        <source>Cumulative</source>
        <translation>累计</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="171" />
        <source>What was done</source>
        <translation>进度情况</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="171" />
        <source>Reported by</source>
        <translation>报告人</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="172" />
        <source>Files</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="174" />
        <source>Inspection no.</source>
        <translation>督查编号</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="174" />
        <source>Inspector</source>
        <translation>督查人</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="175" />
        <source>Found</source>
        <translation>发现问题</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="175" />
        <source>Requirement</source>
        <translation>整改要求</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="176" />
        <source>Put right by</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="176" />
        <source>Rectification</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="179" />
        <source>Inspections</source>
        <translation>督查整改</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="180" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="180" />
        <location filename="../../ui/packages_page.py" line="184" />
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="180" />
        <source>Added by</source>
        <translation>上传人</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="181" />
        <source>Added at</source>
        <translation>上传时间</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="181" />
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="182" />
        <source>Evidence files</source>
        <translation>证明材料</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="183" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="183" />
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="183" />
        <source>Who</source>
        <translation>办理人</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="185" />
        <source>History</source>
        <translation>办理记录</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="217" />
        <source>Mark &amp;done</source>
        <translation>标记完成(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="221" />
        <source>Recti&amp;fy…</source>
        <translation>记录整改(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="222" />
        <source>Print &amp;notice…</source>
        <translation>打印通知书(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="226" />
        <source>Add f&amp;ile…</source>
        <translation>上传材料(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="227" />
        <source>Open file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="232" />
        <source>&amp;New package…</source>
        <translation>任务入库(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="233" />
        <source>&amp;Assign…</source>
        <translation>分配(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="234" />
        <source>&amp;Report progress…</source>
        <translation>报告进度(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="235" />
        <source>&amp;Inspect…</source>
        <translation>督查(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="236" />
        <source>Su&amp;bmit for acceptance…</source>
        <translation>报验收(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="237" />
        <source>A&amp;ccept / send back…</source>
        <translation>验收/退回(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="238" />
        <source>&amp;Score…</source>
        <translation>评分(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="239" />
        <source>Cance&amp;l package…</source>
        <translation>撤销(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="240" />
        <source>&amp;Print task sheet…</source>
        <translation>打印任务书(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="241" />
        <source>Re&amp;gister…</source>
        <translation>台账(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="242" />
        <source>&amp;Export to Excel…</source>
        <translation>导出 Excel(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="275" />
        <source>Everyone</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="278" />
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="281" />
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="284" />
        <source>All townships</source>
        <translation>全部乡镇</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="327" />
        <source> ({n} overdue)</source>
        <translation>（{n} 项逾期）</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="333" />
        <source>{n} packages</source>
        <translation>共 {n} 个任务包</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="354" />
        <source>Accepted {n} working days late</source>
        <translation>逾期 {n} 个工作日验收</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="355" />
        <source>Accepted on time</source>
        <translation>按期验收</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="359" />
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="360" />
        <source>{n} working days left</source>
        <translation>剩余 {n} 个工作日</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="400" />
        <source>Choose a package in the list.</source>
        <translation>请在上面的列表中选择一个任务包。</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="420" />
        <source>Overdue, not put right</source>
        <translation>逾期未整改</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="420" />
        <source>Not yet put right</source>
        <translation>待整改</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="450" />
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="450" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="451" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="451" />
        <source>(no quantity)</source>
        <translation>（无数量目标）</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="452" />
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="452" />
        <source>{start} + {days} working days = {due}</source>
        <translation>{start} 起 {days} 个工作日，{due} 截止</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="454" />
        <source>Time limit</source>
        <translation>时限情况</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="455" />
        <source>(not yet assigned)</source>
        <translation>（尚未分配）</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="456" />
        <source>Co-workers</source>
        <translation>协办人</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="457" />
        <source>Entered</source>
        <translation>录入</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="458" />
        <source>Score and grade</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="460" />
        <source>Acceptance</source>
        <translation>验收</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="462" />
        <source>Cancelled</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="464" />
        <source>Description</source>
        <translation>任务说明</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="541" />
        <source>Package {number} entered, due {date}.</source>
        <translation>任务包 {number} 已入库，{date} 截止。</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="549" />
        <source>{number} assigned.</source>
        <translation>任务包 {number} 已分配。</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="556" />
        <source>Progress on {number} reported.</source>
        <translation>任务包 {number} 的进度已报告。</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="562" />
        <source>Inspection {number} issued.</source>
        <translation>督查 {number} 已下达。</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="569" />
        <source>Rectification of {number} recorded.</source>
        <translation>督查 {number} 的整改情况已记录。</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="576" />
        <source>Submit {number} for acceptance</source>
        <translation>任务包 {number} 报验收</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="577" />
        <source>&amp;What was done:</source>
        <translation>完成情况(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="577" />
        <source>Submit</source>
        <translation>报验收</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="579" />
        <source>{number} submitted for acceptance.</source>
        <translation>任务包 {number} 已报验收。</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="586" />
        <source>{number} accepted.</source>
        <translation>任务包 {number} 已验收出库。</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="587" />
        <source>{number} sent back.</source>
        <translation>任务包 {number} 已退回。</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="594" />
        <source>{number} scored: {grade}.</source>
        <translation>任务包 {number} 已评分：{grade}。</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="601" />
        <source>Cancel {number}</source>
        <translation>撤销任务包 {number}</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="602" />
        <source>&amp;Why:</source>
        <translation>撤销原因(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="602" />
        <source>Cancel package</source>
        <translation>撤销任务包</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="604" />
        <source>{number} cancelled.</source>
        <translation>任务包 {number} 已撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="611" />
        <source>Add a file to {number}</source>
        <translation>为任务包 {number} 上传材料</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="612" />
        <source>&amp;Note:</source>
        <translation>说明(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="612" />
        <source>Add</source>
        <translation>上传</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="615" />
        <source>File added to {number}.</source>
        <translation>已为任务包 {number} 保存材料。</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="624" />
        <source>Milestone “{title}” done.</source>
        <translation>节点“{title}”已完成。</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="635" />
        <source>The file {name} is not kept on this computer (files do not travel with sync batches).</source>
        <translation>本机没有保存文件 {name}（证明材料文件不随同步数据传送）。</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="653" />
        <location filename="../../ui/packages_page.py" line="667" />
        <location filename="../../ui/packages_page.py" line="683" />
        <source>Printing failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="692" />
        <source>Export package register</source>
        <translation>导出任务包台账</translation>
    </message>
    <message>
        <location filename="../../ui/packages_page.py" line="704" />
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>PauseDialog</name>
    <message>
        <location filename="../../ui/routing_panel.py" line="413" />
        <source>Pause the clock</source>
        <translation>暂停计时</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="414" />
        <source>Time for supplements, public notice, hearings and expert review does not count towards the time limits (行政许可法 第四十五条).</source>
        <translation>补正材料、公示、听证、专家评审所需时间不计入办理时限（《行政许可法》第四十五条）。</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="419" />
        <source>&amp;Kind:</source>
        <translation>暂停原因(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="421" />
        <source>&amp;From:</source>
        <translation>起始日(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="423" />
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="424" />
        <source>Pause</source>
        <translation>暂停计时</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="434" />
        <source>Say why the clock stops</source>
        <translation>请写明暂停计时的理由</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../ui/print_preview.py" line="79" />
        <source>Save PDF…</source>
        <translation>保存PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="86" />
        <source>Save PDF</source>
        <translation>保存PDF</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="87" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="106" />
        <source>Printing failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="123" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>PetitionsPage</name>
    <message>
        <location filename="../../ui/petitions_page.py" line="322" />
        <source>Open pairings</source>
        <translation>结对化解中</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="323" />
        <source>Closed</source>
        <translation>已化解结案</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="324" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="325" />
        <source>Sho&amp;w:</source>
        <translation>显示(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="330" />
        <source>L&amp;eader:</source>
        <translation>结对领导(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="335" />
        <source>T&amp;ownship:</source>
        <translation>乡镇所(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="339" />
        <source>&amp;Register and pair…</source>
        <translation>登记结对(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="341" />
        <source>&amp;Print ledger…</source>
        <translation>打印台账(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="343" />
        <source>Ledger to E&amp;xcel…</source>
        <translation>台账导出 Excel(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="374" />
        <source>File no.</source>
        <translation>档案编号</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="374" />
        <source>Petitioner</source>
        <translation>信访人</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="374" />
        <source>Village</source>
        <translation>所在村（社区）</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="374" />
        <source>Subject</source>
        <translation>信访事项</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="375" />
        <source>Leader</source>
        <translation>结对领导</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="375" />
        <source>Paired since</source>
        <translation>结对日期</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="375" />
        <location filename="../../ui/petitions_page.py" line="382" />
        <source>Contacts</source>
        <translation>联系次数</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="375" />
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="376" />
        <location filename="../../ui/petitions_page.py" line="383" />
        <source>Days since</source>
        <translation>距今天数</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="376" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="377" />
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="397" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="397" />
        <source>Contact form</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="397" />
        <source>Led by</source>
        <translation>接待领导</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="397" />
        <source>Participants</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="397" />
        <source>Content</source>
        <translation>联系内容</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="398" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="398" />
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="407" />
        <source>&amp;Log contact…</source>
        <translation>登记联系(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="409" />
        <source>Re-p&amp;air…</source>
        <translation>调整结对(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="411" />
        <source>&amp;Close as resolved…</source>
        <translation>化解结案(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="413" />
        <source>Re&amp;open…</source>
        <translation>重新打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="415" />
        <source>Print &amp;record…</source>
        <translation>打印工作记录(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="464" />
        <source>All townships</source>
        <translation>全部乡镇</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="470" />
        <source>All leaders</source>
        <translation>全部领导</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="515" />
        <source>no contact yet</source>
        <translation>尚未联系</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="529" />
        <source>No contact for more than {n} days</source>
        <translation>超过 {n} 天未联系</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="532" />
        <source>{n} cases, {late} not contacted for more than {days} days</source>
        <translation>共 {n} 户，其中 {late} 户超过 {days} 天未联系</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="546" />
        <source>Closed ({kind})</source>
        <translation>已结案（{kind}）</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="547" />
        <source>Being resolved</source>
        <translation>化解中</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="563" />
        <source>No pairing chosen.</source>
        <translation>未选中结对档案。</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="568" />
        <source>{number}  {petitioner}  ID {id}  phone {phone}</source>
        <translation>{number}　{petitioner}　身份证号 {id}　电话 {phone}</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="570" />
        <source>{village} {address} · first petition {first} · paired with {leader} since {since}</source>
        <translation>{village} {address} · 首次信访 {first} · {since} 起由{leader}结对</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="571" />
        <source>not known</source>
        <translation>不详</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="573" />
        <source>Subject: {subject}</source>
        <translation>信访事项：{subject}</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="574" />
        <source>History: {history}</source>
        <translation>信访经过：{history}</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="577" />
        <source>Closed {at} by {by} ({kind}): {text}</source>
        <translation>{at} 由{by}结案（{kind}）：{text}</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="669" />
        <location filename="../../ui/petitions_page.py" line="681" />
        <source>Printing failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="688" />
        <source>Export ledger</source>
        <translation>导出结对消访台账</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="702" />
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <location filename="../../ui/package_dialogs.py" line="343" />
        <source>Report progress on {number}</source>
        <translation>报告任务包 {number} 的进度</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="346" />
        <source>no quantity</source>
        <translation>无数量目标</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="347" />
        <source>{title}
Target {target}, achieved so far {achieved}{unit}</source>
        <translation>{title}
目标 {target}，已累计完成 {achieved}{unit}</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="349" />
        <source>Send report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="353" />
        <source>&amp;As of:</source>
        <translation>截至日期(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="355" />
        <source>achieved since the last report</source>
        <translation>上次报告以来完成的数量</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="356" />
        <source>&amp;Quantity since last report ({unit}):</source>
        <translation>本期完成数量（{unit}）(&amp;Q)：</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="359" />
        <source>&amp;What was done:</source>
        <translation>完成情况(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="370" />
        <source>Milestones &amp;reached:</source>
        <translation>本期完成的节点(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="372" />
        <source>Evidence:</source>
        <translation>证明材料：</translation>
    </message>
</context>
<context>
    <name>RatingDialog</name>
    <message>
        <location filename="../../ui/inquiry_page.py" line="300" />
        <source>Service rating</source>
        <translation>服务评价（好差评）</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="301" />
        <source>Save rating</source>
        <translation>保存评价</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="316" />
        <source>Level:</source>
        <translation>评价等级：</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="319" />
        <source>What the person said (required for a bad rating)</source>
        <translation>群众的评价意见（差评必填）</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="320" />
        <source>&amp;Comment:</source>
        <translation>评价意见(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="321" />
        <source>{name} (me)</source>
        <translation>{name}（本人）</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="322" />
        <source>&amp;Follow-up by:</source>
        <translation>回访整改责任人(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="351" />
        <source>A bad rating opens a follow-up: a return visit and rectification, due by {date}.</source>
        <translation>差评须回访整改，期限至 {date}。</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../ui/study_page.py" line="75" />
        <source>Add a study record</source>
        <translation>登记学习记录</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="78" />
        <source>At least {hours} hours of self-study a week and {articles} research article(s) a quarter.</source>
        <translation>每周自学不少于 {hours} 小时，每季度调研文章不少于 {articles} 篇。</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="85" />
        <source> (me)</source>
        <translation>（本人）</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="91" />
        <source>Self-study</source>
        <translation>自学</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="91" />
        <source>Research article</source>
        <translation>调研文章</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="92" />
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="92" />
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="100" />
        <source>e.g. 2 or 1.5</source>
        <translation>如 2 或 1.5</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="114" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="121" />
        <source>&amp;Person:</source>
        <translation>人员(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="122" />
        <source>Record &amp;kind:</source>
        <translation>记录类别(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="123" />
        <source>Record &amp;date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="124" />
        <location filename="../../ui/study_page.py" line="166" />
        <source>&amp;Topic:</source>
        <translation>学习内容(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="125" />
        <source>&amp;Hours:</source>
        <translation>学时(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="126" />
        <location filename="../../ui/study_page.py" line="170" />
        <location filename="../../ui/study_page.py" line="172" />
        <source>&amp;Organiser:</source>
        <translation>主办单位(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="127" />
        <source>&amp;Level:</source>
        <translation>级别(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="128" />
        <source>Certificate &amp;number:</source>
        <translation>证书编号(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="129" />
        <source>Evidence &amp;file:</source>
        <translation>证明材料文件(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="130" />
        <source>N&amp;ote:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="166" />
        <source>&amp;Title:</source>
        <translation>文章题目(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="167" />
        <source>Training &amp;title:</source>
        <translation>培训名称(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="167" />
        <source>Certificate &amp;name:</source>
        <translation>证书名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="170" />
        <source>Published &amp;in:</source>
        <translation>发表刊物/采用单位(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="171" />
        <source>&amp;Issued by:</source>
        <translation>发证机关(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="173" />
        <source>Adopted at &amp;level:</source>
        <translation>采用级别(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="173" />
        <source>&amp;Tier:</source>
        <translation>培训层级(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="196" />
        <source>Evidence file</source>
        <translation>证明材料文件</translation>
    </message>
</context>
<context>
    <name>RectifyDialog</name>
    <message>
        <location filename="../../ui/package_dialogs.py" line="445" />
        <source>Rectification of {number}</source>
        <translation>督查 {number} 的整改</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="447" />
        <source>Found: {finding}
Required: {requirement}
By {date}</source>
        <translation>发现问题：{finding}
整改要求：{requirement}
限 {date} 前整改</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="449" />
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="451" />
        <source>&amp;What was put right:</source>
        <translation>整改情况(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="453" />
        <source>Evidence:</source>
        <translation>证明材料：</translation>
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
    <name>RegisterDialog</name>
    <message>
        <location filename="../../ui/petitions_page.py" line="118" />
        <source>Register a long-standing petitioner</source>
        <translation>登记信访老户并结对</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="120" />
        <source>Register and pair</source>
        <translation>登记并结对</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="121" />
        <source>Each member of the leadership is paired with one long-standing petitioner and keeps in touch until the matter is resolved.</source>
        <translation>领导班子成员每人联系一个信访老户，经常走访联系，直至问题化解。</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="127" />
        <source>18-digit resident ID (leave empty if not known)</source>
        <translation>18位居民身份证号码（不详可不填）</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="136" />
        <source>e.g. boundary dispute over a homestead</source>
        <translation>如：宅基地界址纠纷</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="138" />
        <source>Since when, to whom, what was asked and answered so far</source>
        <translation>何时起、向哪些部门信访、提出什么诉求、此前如何答复</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="140" />
        <source>not known</source>
        <translation>不详</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="143" />
        <source>{name} (me)</source>
        <translation>{name}（本人）</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="144" />
        <source>&amp;Petitioner:</source>
        <translation>信访人(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="145" />
        <source>&amp;ID number:</source>
        <translation>身份证号(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="146" />
        <source>P&amp;hone:</source>
        <translation>联系电话(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="147" />
        <source>&amp;Village:</source>
        <translation>村（居）(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="148" />
        <source>&amp;Address:</source>
        <translation>住址(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="149" />
        <source>&amp;Subject:</source>
        <translation>信访事项(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="150" />
        <source>&amp;History:</source>
        <translation>信访经过(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="151" />
        <source>&amp;First petition:</source>
        <translation>首次信访(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="152" />
        <source>Paired &amp;on:</source>
        <translation>结对日期(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="153" />
        <source>Paired &amp;leader:</source>
        <translation>结对领导(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>RegistersPage</name>
    <message>
        <location filename="../../ui/registers_page.py" line="82" />
        <source>Intake register</source>
        <translation>受理登记簿</translation>
    </message>
    <message>
        <location filename="../../ui/registers_page.py" line="83" />
        <source>Completion register</source>
        <translation>办结登记簿</translation>
    </message>
    <message>
        <location filename="../../ui/registers_page.py" line="84" />
        <source>Return register</source>
        <translation>退件登记簿</translation>
    </message>
    <message>
        <location filename="../../ui/registers_page.py" line="85" />
        <source>First-inquiry register</source>
        <translation>首问登记簿</translation>
    </message>
    <message>
        <location filename="../../ui/registers_page.py" line="88" />
        <source>Re&amp;gister:</source>
        <translation>登记簿(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../ui/registers_page.py" line="92" />
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../ui/registers_page.py" line="93" />
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <location filename="../../ui/registers_page.py" line="94" />
        <source>This year</source>
        <translation>本年</translation>
    </message>
    <message>
        <location filename="../../ui/registers_page.py" line="95" />
        <source>Chosen days</source>
        <translation>自选日期</translation>
    </message>
    <message>
        <location filename="../../ui/registers_page.py" line="96" />
        <source>&amp;Period:</source>
        <translation>期间(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/registers_page.py" line="100" />
        <source>&amp;From:</source>
        <translation>起始日(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../ui/registers_page.py" line="102" />
        <source>&amp;To:</source>
        <translation>至(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/registers_page.py" line="107" />
        <source>Towns&amp;hip:</source>
        <translation>乡镇(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../ui/registers_page.py" line="111" />
        <source>&amp;Show</source>
        <translation>查询(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/registers_page.py" line="153" />
        <source>Export &amp;Excel…</source>
        <translation>导出Excel(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/registers_page.py" line="155" />
        <source>Print pre&amp;view</source>
        <translation>打印预览(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/registers_page.py" line="157" />
        <source>Save P&amp;DF…</source>
        <translation>保存 PDF(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/registers_page.py" line="203" />
        <source>All townships</source>
        <translation>全部乡镇</translation>
    </message>
    <message>
        <location filename="../../ui/registers_page.py" line="277" />
        <source>Loading the register…</source>
        <translation>正在生成台账…</translation>
    </message>
    <message>
        <location filename="../../ui/registers_page.py" line="309" />
        <source>Nothing recorded in this period</source>
        <translation>本期无记录</translation>
    </message>
    <message>
        <location filename="../../ui/registers_page.py" line="334" />
        <source>(The first {shown} of {count} lines are shown here; the Excel file and the printout hold them all.)</source>
        <translation>（此处只显示前 {shown} 条，共 {count} 条；导出的 Excel 和打印件包含全部记录。）</translation>
    </message>
    <message>
        <location filename="../../ui/registers_page.py" line="338" />
        <source>{count} line(s)</source>
        <translation>共 {count} 条</translation>
    </message>
    <message>
        <location filename="../../ui/registers_page.py" line="369" />
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../ui/registers_page.py" line="371" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/registers_page.py" line="378" />
        <location filename="../../ui/registers_page.py" line="398" />
        <source>Writing {path}…</source>
        <translation>正在写入 {path}…</translation>
    </message>
    <message>
        <location filename="../../ui/registers_page.py" line="385" />
        <source>Save PDF</source>
        <translation>保存PDF</translation>
    </message>
    <message>
        <location filename="../../ui/registers_page.py" line="386" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/registers_page.py" line="410" />
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../ui/registers_page.py" line="411" />
        <source>The register was saved to:
{path}</source>
        <translation>台账已保存到：
{path}</translation>
    </message>
    <message>
        <location filename="../../ui/registers_page.py" line="426" />
        <source>Making the register for printing…</source>
        <translation>正在生成打印用的台账…</translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <location filename="../../ui/petitions_page.py" line="281" />
        <source>Reopen a closed case</source>
        <translation>重新打开已结案档案</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="283" />
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="284" />
        <source>{number} · {petitioner}: closed as “{kind}”.</source>
        <translation>{number} · {petitioner}：已以“{kind}”结案。</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="287" />
        <source>e.g. the petitioner petitioned the county again</source>
        <translation>如：信访人再次到县信访局反映</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="288" />
        <source>Reason for &amp;reopening:</source>
        <translation>重新打开原因(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>RepairDialog</name>
    <message>
        <location filename="../../ui/petitions_page.py" line="222" />
        <source>Pair with another leader</source>
        <translation>调整结对领导</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="224" />
        <source>Re-pair</source>
        <translation>调整结对</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="225" />
        <source>{number} · {petitioner}: now paired with {leader}.</source>
        <translation>{number} · {petitioner}：现由{leader}结对。</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="228" />
        <source>{name} (me)</source>
        <translation>{name}（本人）</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="230" />
        <source>e.g. the leader was transferred</source>
        <translation>如：原结对领导工作调动</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="231" />
        <source>New &amp;leader:</source>
        <translation>新结对领导(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/petitions_page.py" line="233" />
        <source>&amp;Reason for re-pairing:</source>
        <translation>调整原因(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>ReplyDialog</name>
    <message>
        <location filename="../../ui/supervision_page.py" line="83" />
        <source>Reply to supervision notice {number}</source>
        <translation>答复督办单 {number}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="85" />
        <source>Send reply</source>
        <translation>提交答复</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="86" />
        <source>Case {case} · issued by {by} on {at} · reply by {due}
{reason}</source>
        <translation>办件 {case} · {by} 于 {at} 督办 · 限 {due} 前回复
{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="90" />
        <source>What has been done, or why it is late and by when it will be done</source>
        <translation>已办理的情况，或延误的原因及预计办结时间</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="91" />
        <source>&amp;Reply:</source>
        <translation>答复(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>ResumeDialog</name>
    <message>
        <location filename="../../ui/routing_panel.py" line="440" />
        <source>Resume the clock</source>
        <translation>恢复计时</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="441" />
        <source>The days of the pause are added to the step's and the case's time limits.</source>
        <translation>暂停的天数将顺延环节时限和办结期限。</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="444" />
        <source>&amp;Last day of the pause:</source>
        <translation>暂停截止日(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="445" />
        <source>Resume</source>
        <translation>恢复计时</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../ui/routing_panel.py" line="383" />
        <source>Return the case</source>
        <translation>退件</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="384" />
        <source>A return slip (退件单) records who returned the case, to whom, when and why.</source>
        <translation>退件单记录由谁退件、退给谁、何时退件以及退件理由。</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="388" />
        <source>Step {order}: {name}</source>
        <translation>第 {order} 环节：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="390" />
        <source>The applicant (case ends as returned)</source>
        <translation>申请人（本件以退件结束）</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="393" />
        <source>Return &amp;to:</source>
        <translation>退回至(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="396" />
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="397" />
        <source>Return</source>
        <translation>退件</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="407" />
        <source>A return needs a reason: it is printed on the return slip</source>
        <translation>请写明退件理由：退件理由将打印在退件单上</translation>
    </message>
</context>
<context>
    <name>RoutingDialog</name>
    <message>
        <location filename="../../ui/routing_panel.py" line="1123" />
        <source>Handle case</source>
        <translation>办理</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="1133" />
        <source>Case record…</source>
        <translation>申请详情…</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="1135" />
        <source>Applicant, materials and intake history</source>
        <translation>申请人、申请材料和受理记录</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="1137" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="1153" />
        <source>Handle case {number}</source>
        <translation>办理 {number}</translation>
    </message>
</context>
<context>
    <name>RoutingPanel</name>
    <message>
        <location filename="../../ui/routing_panel.py" line="553" />
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="570" />
        <source>Transfer record (传办记录)</source>
        <translation>传办记录</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="576" />
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="576" />
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="576" />
        <source>From</source>
        <translation>移交人</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="576" />
        <source>To</source>
        <translation>接收人</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="576" />
        <source>Sent at</source>
        <translation>移交时间</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="577" />
        <source>Signed for</source>
        <translation>签收</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="577" />
        <source>Done at</source>
        <translation>办毕时间</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="577" />
        <source>Step due</source>
        <translation>环节时限</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="577" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="578" />
        <source>Opinion / reason</source>
        <translation>意见 / 退件理由</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="620" />
        <source>&amp;Receive (签收)</source>
        <translation>签收(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="621" />
        <source>&amp;Opinion…</source>
        <translation>填写意见(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="622" />
        <source>&amp;Send on…</source>
        <translation>传办(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="623" />
        <source>Re&amp;turn…</source>
        <translation>退件(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="624" />
        <source>&amp;Pause clock…</source>
        <translation>暂停计时(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="625" />
        <source>Res&amp;ume clock…</source>
        <translation>恢复计时(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="626" />
        <source>&amp;Collective review…</source>
        <translation>集体会审(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="627" />
        <source>Co&amp;mplete…</source>
        <translation>办结(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="641" />
        <source>Print &amp;transfer slip…</source>
        <translation>打印传办单…</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="644" />
        <source>Print return slip…</source>
        <translation>打印退件单…</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="646" />
        <source>Select a return in the transfer record</source>
        <translation>请先在传办记录中选中一条退件记录</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="649" />
        <source>Print decision notice…</source>
        <translation>打印办结通知书…</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="679" />
        <source>The routing of this case could not be read</source>
        <translation>无法读取本件的办理情况</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="702" />
        <source>{date} (tentative)</source>
        <translation>{date}（待定）</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="707" />
        <source>{tier} matter</source>
        <translation>{tier}事项</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="711" />
        <source>With {name} ({step})</source>
        <translation>在办：{name}（{step}）</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="712" />
        <source>With {name}</source>
        <translation>在办：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="714" />
        <source>Case due {date}</source>
        <translation>办结期限 {date}</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="720" />
        <source>Completed: {result}</source>
        <translation>已办结：{result}</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="723" />
        <source>Returned to the applicant: the case is closed</source>
        <translation>已退回申请人，本件办理终结</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="726" />
        <source>Not in routing: the case has not been accepted</source>
        <translation>本件尚未受理，未进入传办</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="730" />
        <source>Clock paused (暂停计时)</source>
        <translation>暂停计时中</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="732" />
        <source>Clock paused since {date}: {kind} — {reason}</source>
        <translation>自 {date} 起暂停计时：{kind}——{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="740" />
        <source>Overdue: the case was due on {date}</source>
        <translation>已超期：办结期限为 {date}</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="743" />
        <source>Overdue at this step: it was due on {date}</source>
        <translation>本环节已超期：环节时限为 {date}</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="747" />
        <source>The due date is tentative (待定): the holidays of a year it reaches into are not entered yet</source>
        <translation>办结期限待定：期限所跨年度的节假日安排尚未录入</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="766" />
        <source>same day</source>
        <translation>当日办结</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="767" />
        <source>{n} working days</source>
        <translation>{n} 个工作日</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="769" />
        <source>done</source>
        <translation>已办</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="771" />
        <source>returned to the applicant</source>
        <translation>已退回申请人</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="775" />
        <source>now: {name} · paused</source>
        <translation>在办：{name} · 暂停计时</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="777" />
        <source>now: {name} · overdue</source>
        <translation>在办：{name} · 已超期</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="779" />
        <source>now: {name}</source>
        <translation>在办：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="782" />
        <source>not reached</source>
        <translation>未办理</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="782" />
        <source>to come</source>
        <translation>待办</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="800" />
        <source>Returned</source>
        <translation>退件</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="811" />
        <source>the applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="813" />
        <source>Return reason: {reason}</source>
        <translation>退件理由：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="824" />
        <source>not yet</source>
        <translation>未签收</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="841" />
        <source>Overdue at this step</source>
        <translation>本环节已超期</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="873" />
        <source>&lt;b&gt;Clock pauses (not counted):&lt;/b&gt;</source>
        <translation>&lt;b&gt;暂停计时（不计入办理时限）：&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="876" />
        <source>from {start}, still paused</source>
        <translation>自 {start} 起，仍在暂停</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="878" />
        <source>{start} to {end}</source>
        <translation>{start} 至 {end}</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="890" />
        <source>Agree</source>
        <translation>同意</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="890" />
        <source>Disagree</source>
        <translation>不同意</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="891" />
        <source>Deferred</source>
        <translation>暂缓，另行会审</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="894" />
        <source>&lt;b&gt;Collective review&lt;/b&gt; on {date}: {participants}. Decision: {decision}. Minutes: {minutes}</source>
        <translation>&lt;b&gt;集体会审&lt;/b&gt;（{date}）参会：{participants}。结论：{decision}。纪要：{minutes}</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="916" />
        <source>The case is with {name}: you can read it and print the transfer slip.</source>
        <translation>本件目前在 {name} 手上：您可以查看并打印传办单。</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="922" />
        <source>Receive (签收) the case first: the time of receipt goes on the transfer slip.</source>
        <translation>请先签收：签收时间将记入传办单。</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="1033" />
        <source>Return slip</source>
        <translation>退件单</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="1034" />
        <source>The case was returned to {to}. Print the return slip (退件单) now?</source>
        <translation>本件已退回{to}。现在打印退件单吗？</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="1038" />
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="1039" />
        <source>Not now</source>
        <translation>暂不打印</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="1074" />
        <source>Transfer slip {number}</source>
        <translation>传办单 {number}</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="1076" />
        <source>Return slip {number}</source>
        <translation>退件单 {number}</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="1078" />
        <source>Decision notice {number}</source>
        <translation>办结通知书 {number}</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="1079" />
        <source>Document</source>
        <translation>文书</translation>
    </message>
</context>
<context>
    <name>ScoreDialog</name>
    <message>
        <location filename="../../ui/package_dialogs.py" line="501" />
        <source>Score {number}</source>
        <translation>任务包 {number} 评分</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="505" />
        <source>Grades: {bands}</source>
        <translation>等次：{bands}</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="506" />
        <source>Save score</source>
        <translation>保存评分</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="516" />
        <source>&amp;Score:</source>
        <translation>得分(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="518" />
        <source>&amp;Reasons:</source>
        <translation>评分说明(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>SendDialog</name>
    <message>
        <location filename="../../ui/routing_panel.py" line="340" />
        <source>Send to the next step</source>
        <translation>传办</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="343" />
        <source>same day</source>
        <translation>当日办结</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="344" />
        <source>{n} working days</source>
        <translation>{n} 个工作日</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="345" />
        <source>Next step: {order}. {name} ({role}, {limit})</source>
        <translation>下一环节：{order}. {name}（{role}，{limit}）</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="352" />
        <source>Choose who receives the case…</source>
        <translation>请选择接收人…</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="354" />
        <source>&amp;Send to:</source>
        <translation>接收人(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="356" />
        <source>Optional: a note for the next person</source>
        <translation>可选：给下一环节的说明</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="357" />
        <source>&amp;Opinion:</source>
        <translation>意见(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="358" />
        <source>Send</source>
        <translation>传办</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="361" />
        <source>Nobody holds the role of the next step. Ask the administrator to give the role to a colleague.</source>
        <translation>没有人担任下一环节的角色，请管理员为相关同事设置该角色。</translation>
    </message>
    <message>
        <location filename="../../ui/routing_panel.py" line="375" />
        <source>Choose who receives the case</source>
        <translation>请选择接收人</translation>
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
        <location filename="../../ui/setup_dialog.py" line="47" />
        <source>Your password</source>
        <translation>登录密码</translation>
    </message>
    <message>
        <location filename="../../ui/setup_dialog.py" line="47" />
        <source>At least 8 characters, not only digits</source>
        <translation>至少 8 个字符，不能全是数字</translation>
    </message>
    <message>
        <location filename="../../ui/setup_dialog.py" line="48" />
        <source>Password again</source>
        <translation>再输一遍密码</translation>
    </message>
    <message>
        <location filename="../../ui/setup_dialog.py" line="70" />
        <source>Create office</source>
        <translation>创建单位</translation>
    </message>
    <message>
        <location filename="../../ui/setup_dialog.py" line="82" />
        <source>The two passwords are not the same</source>
        <translation>两次输入的密码不一致</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/sign_in_dialog.py" line="187" />
        <location filename="../../ui/sign_in_dialog.py" line="219" />
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in_dialog.py" line="190" />
        <source>Sign in to landdesk</source>
        <translation>登录一窗受理系统</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in_dialog.py" line="205" />
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in_dialog.py" line="206" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in_dialog.py" line="211" />
        <source>Opening the database… you can type your password meanwhile.</source>
        <translation>正在打开数据库…可以先输入密码。</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in_dialog.py" line="220" />
        <source>Exit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in_dialog.py" line="259" />
        <source>Demo office: every demo account's password is {password}</source>
        <translation>演示单位：以下演示账户的密码都是 {password}</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in_dialog.py" line="283" />
        <source>Signing in as soon as the database is open…</source>
        <translation>数据库打开后将立即登录…</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in_dialog.py" line="320" />
        <source>You must choose your own password before you can continue.</source>
        <translation>必须先设置您自己的密码才能继续使用。</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../ui/application.py" line="243" />
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <location filename="../../ui/application.py" line="246" />
        <source>The damaged file will be kept beside it (renamed), not deleted. Work entered after the backup was taken must be entered again; a township can also ask the county for its data.</source>
        <translation>损坏的文件会改名后留在原处，不会删除。备份之后录入的内容需要重新录入；乡镇也可以请县局提供本所的汇总数据。</translation>
    </message>
    <message>
        <location filename="../../ui/application.py" line="251" />
        <source>Restore the newest backup</source>
        <translation>用最新的备份恢复</translation>
    </message>
    <message>
        <location filename="../../ui/application.py" line="252" />
        <source>Exit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../ui/application.py" line="268" />
        <source>This database is already open in another landdesk window on this computer. Switch to that window (see the taskbar) instead of opening a second copy.</source>
        <translation>这个数据库已在另一个 landdesk 窗口中打开。请切换到那个窗口（见任务栏），不要再打开第二个。</translation>
    </message>
</context>
<context>
    <name>StudyPage</name>
    <message>
        <location filename="../../ui/study_page.py" line="249" />
        <source>Study records</source>
        <translation>学习记录</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="250" />
        <source>Quarterly register</source>
        <translation>季度登记表</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="261" />
        <source>O&amp;ffice:</source>
        <translation>单位(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="266" />
        <source>&amp;Person:</source>
        <translation>人员(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="273" />
        <source>&amp;Year:</source>
        <translation>年度(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="277" />
        <source>&amp;Add record…</source>
        <translation>登记(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="279" />
        <source>&amp;Withdraw…</source>
        <translation>撤销(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="281" />
        <source>Print record &amp;card…</source>
        <translation>打印学习记录卡(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="295" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="295" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="295" />
        <source>Topic / title</source>
        <translation>学习内容/题目</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="295" />
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="295" />
        <source>Particulars</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="296" />
        <source>Recorded by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="296" />
        <source>Recorded at</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="314" />
        <source>&amp;Quarter:</source>
        <translation>季度(&amp;Q)：</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="318" />
        <source>&amp;Office:</source>
        <translation>单位(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="323" />
        <source>&amp;Print register…</source>
        <translation>打印登记表(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="325" />
        <source>E&amp;xcel…</source>
        <translation>导出 Excel(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="339" />
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="339" />
        <location filename="../../ui/study_page.py" line="358" />
        <source>Office</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="339" />
        <source>Counted</source>
        <translation>参加统计</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="339" />
        <source>Met</source>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="339" />
        <source>Short</source>
        <translation>未达标</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="340" />
        <source>Pending</source>
        <translation>待完成</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="340" />
        <source>Person-weeks short</source>
        <translation>自学不足人周</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="340" />
        <source>Without article</source>
        <translation>缺调研文章</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="341" />
        <source>Compliance</source>
        <translation>达标率</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="358" />
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="358" />
        <source>Cadre tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="358" />
        <source>Weeks judged</source>
        <translation>判定周数</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="358" />
        <source>Weeks short</source>
        <translation>自学不足周数</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="359" />
        <source>Self-study h</source>
        <translation>自学（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="359" />
        <source>Articles</source>
        <translation>调研文章</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="359" />
        <source>Trainings</source>
        <translation>培训（次/学时）</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="359" />
        <source>Tier training h</source>
        <translation>本年本层级培训（学时）</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="360" />
        <source>Certificates</source>
        <translation>证书</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="360" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="360" />
        <source>Falls short in</source>
        <translation>未达标情况</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="388" />
        <source>{year} Q{quarter}</source>
        <translation>{year}年第{quarter}季度</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="393" />
        <source>All townships</source>
        <translation>全部乡镇</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="438" />
        <source> (me)</source>
        <translation>（本人）</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="478" />
        <source>No. {number}</source>
        <translation>编号 {number}</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="480" />
        <source>File {name}</source>
        <translation>附件 {name}</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="488" />
        <source>Withdrawn by {who}: {reason}</source>
        <translation>已由{who}撤销：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="504" />
        <source>{name} ({tier}): {hours} of {need} hours of self-study this week; {count} records in {year}.</source>
        <translation>{name}（{tier}）：本周自学 {hours} 小时，应不少于 {need} 小时；{year} 年共 {count} 条学习记录。</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="509" />
        <source>{count} study records</source>
        <translation>{count} 条学习记录</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="558" />
        <source>{label}: {counted} people counted, {short} fall short; compliance {rate}.</source>
        <translation>{label}：参加统计 {counted} 人，未达标 {short} 人，达标率 {rate}。</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="561" />
        <source>The quarter is not over: weeks not yet ended are not judged, and a missing article is only pending.</source>
        <translation>本季度尚未结束：未过完的周不作判定，尚未提交的调研文章记为“待完成”。</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="564" />
        <source>No holiday arrangement for {year} in the work calendar: Monday to Friday counted as working days.</source>
        <translation>工作日历中没有 {year} 年的节假日安排，按周一至周五计算工作日。</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="640" />
        <location filename="../../ui/study_page.py" line="652" />
        <source>Printing failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="662" />
        <source>Export register</source>
        <translation>导出登记表</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="674" />
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>SupervisionPage</name>
    <message>
        <location filename="../../ui/supervision_page.py" line="222" />
        <source>Issue a notice</source>
        <translation>下达督办单</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="239" />
        <source>All unanswered</source>
        <translation>全部未答复</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="240" />
        <source>Overdue only</source>
        <translation>仅逾期</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="241" />
        <source>Addressed to me</source>
        <translation>督办我的</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="242" />
        <location filename="../../ui/supervision_page.py" line="292" />
        <source>Sho&amp;w:</source>
        <translation>显示(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="251" />
        <source>Notice no.</source>
        <translation>督办单号</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="251" />
        <source>Case no.</source>
        <translation>受理编号</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="251" />
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="251" />
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="252" />
        <source>Issued by</source>
        <translation>督办人</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="252" />
        <source>Addressed to</source>
        <translation>被督办人</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="252" />
        <source>Issued at</source>
        <translation>督办时间</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="253" />
        <source>Reply by</source>
        <translation>回复期限</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="253" />
        <location filename="../../ui/supervision_page.py" line="303" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="258" />
        <location filename="../../ui/supervision_page.py" line="308" />
        <location filename="../../ui/supervision_page.py" line="560" />
        <source>Overdue {n} days</source>
        <translation>逾期 {n} 天</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="264" />
        <source>&amp;Reply…</source>
        <translation>答复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="266" />
        <source>&amp;Print notice…</source>
        <translation>打印督办单(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="268" />
        <location filename="../../ui/supervision_page.py" line="318" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="290" />
        <source>All open follow-ups</source>
        <translation>全部未办结</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="291" />
        <source>Mine</source>
        <translation>我负责的</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="301" />
        <source>Rated at</source>
        <translation>评价时间</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="301" />
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="301" />
        <source>Rated</source>
        <translation>评价对象</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="301" />
        <source>Comment</source>
        <translation>评价意见</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="302" />
        <source>Follow-up by</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="302" />
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="302" />
        <source>Return visit</source>
        <translation>回访情况</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="303" />
        <source>Rectification</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="314" />
        <source>Record &amp;follow-up…</source>
        <translation>登记回访整改(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="316" />
        <source>&amp;Close follow-up…</source>
        <translation>办结(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="338" />
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="339" />
        <location filename="../../ui/supervision_page.py" line="562" />
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="370" />
        <source>A supervision notice asks the person handling a case to explain or speed up, and to reply by a day. Only leaders issue notices.</source>
        <translation>督办单要求办件经办人说明情况或加快办理，并在期限内书面回复。只有领导可以下达督办单。</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="380" />
        <source>case number, e.g. 3707021012026000001</source>
        <translation>受理编号，例如 3707021012026000001</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="382" />
        <source>Fin&amp;d</source>
        <translation>查找(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="389" />
        <source>&amp;Case no.:</source>
        <translation>受理编号(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="400" />
        <source>&amp;Addressed to:</source>
        <translation>被督办人(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="406" />
        <source>Why the case is supervised and what is asked</source>
        <translation>督办的原因和要求</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="407" />
        <source>&amp;Supervision reason:</source>
        <translation>督办事由(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="411" />
        <source>within</source>
        <translation>限</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="417" />
        <source> working days</source>
        <translation> 个工作日</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="420" />
        <source>by</source>
        <translation>或截至</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="439" />
        <source>Reply &amp;by:</source>
        <translation>回复期限(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="447" />
        <source>&amp;Issue notice</source>
        <translation>下达督办单(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="449" />
        <source>Issue and &amp;print…</source>
        <translation>下达并打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="543" />
        <source>Supervision notices ({n})</source>
        <translation>督办单（{n}）</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="545" />
        <source>Supervision notices ({n}, {late} overdue)</source>
        <translation>督办单（{n}，逾期 {late}）</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="551" />
        <source>Bad-rating follow-ups ({n})</source>
        <translation>差评回访整改（{n}）</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="553" />
        <source>Bad-rating follow-ups ({n}, {late} overdue)</source>
        <translation>差评回访整改（{n}，逾期 {late}）</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="563" />
        <source>Open</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="575" />
        <source>{n} notices</source>
        <translation>共 {n} 份</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="590" />
        <source>{n} follow-ups</source>
        <translation>共 {n} 件</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="619" />
        <source>Only {name}, to whom it is addressed, can reply</source>
        <translation>只有被督办人{name}本人可以答复</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="623" />
        <source>No unanswered supervision notices.</source>
        <translation>没有未答复的督办单。</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="625" />
        <source>{number} · reason: {reason}</source>
        <translation>{number} · 督办事由：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="635" />
        <source>Reply to {number} recorded.</source>
        <translation>督办单 {number} 的答复已登记。</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="654" />
        <location filename="../../ui/supervision_page.py" line="834" />
        <source>Printing failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="668" />
        <source>No open follow-ups of bad ratings.</source>
        <translation>没有未办结的差评回访整改。</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="670" />
        <source>{subject} · {level}: {comment}</source>
        <translation>{subject} · {level}：{comment}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="680" />
        <source>Follow-up closed.</source>
        <translation>回访整改已办结。</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="680" />
        <source>Follow-up saved.</source>
        <translation>回访整改情况已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="704" />
        <source>due {date}</source>
        <translation>{date} 到期</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="706" />
        <source>now with {name}</source>
        <translation>现由{name}办理</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="716" />
        <source>→ {date}</source>
        <translation>→ {date}</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="718" />
        <source> (tentative)</source>
        <translation>（暂定）</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="750" />
        <source>Supervision notice {number} issued.</source>
        <translation>督办单 {number} 已下达。</translation>
    </message>
    <message>
        <location filename="../../ui/supervision_page.py" line="789" />
        <source>Nothing was issued: {n} problem(s) marked in red.</source>
        <translation>未下达：有 {n} 处问题，已用红色标出。</translation>
    </message>
</context>
<context>
    <name>SyncDialogs</name>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="64" />
        <source>Offices</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="66" />
        <source>Applicants</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="65" />
        <source>User accounts</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="67" />
        <source>Case files</source>
        <translation>办件</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="68" />
        <source>Case materials</source>
        <translation>办件材料</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="69" />
        <source>Case events</source>
        <translation>办件记录</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="70" />
        <source>Transfer slip rows</source>
        <translation>传办记录</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="71" />
        <source>Clock pauses</source>
        <translation>暂停计时</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="72" />
        <source>Collective reviews</source>
        <translation>集体会审</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="73" />
        <source>Supervision notices</source>
        <translation>督办单</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="74" />
        <source>First inquiries</source>
        <translation>首问登记</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="75" />
        <source>Service ratings</source>
        <translation>好差评</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="76" />
        <source>Catalogue versions</source>
        <translation>事项目录版本</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="77" />
        <source>Matters</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="78" />
        <source>Material lists</source>
        <translation>材料清单</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="79" />
        <source>Holidays</source>
        <translation>节假日</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="80" />
        <source>Calendar years</source>
        <translation>日历年度</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="81" />
        <source>Number counters</source>
        <translation>编号计数</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="82" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="89" />
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="90" />
        <source>Already imported (nothing changed)</source>
        <translation>已导入过（未做更改）</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="91" />
        <source>Held: waiting for missing batches</source>
        <translation>暂存：等待缺失批次</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="92" />
        <source>Refused</source>
        <translation>拒收</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="93" />
        <source>Checked, not imported</source>
        <translation>检查通过，未导入</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="99" />
        <source>Township office</source>
        <translation>乡镇所</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="100" />
        <source>County bureau</source>
        <translation>县局</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="149" />
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
</context>
<context>
    <name>SyncStatusDialog</name>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="175" />
        <source>Sync status and keys</source>
        <translation>同步状态与密钥</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="181" />
        <source>Fingerprint of this office's key — read it to the other side over the phone; they compare it with the key file you send them:</source>
        <translation>本单位密钥指纹——请通过电话念给对方，由对方与您交给他们的公钥文件核对：</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="196" />
        <source>Registered keys of other offices:</source>
        <translation>已登记的其他单位公钥：</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="197" />
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="197" />
        <source>Office</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="197" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="198" />
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="206" />
        <source>&amp;Write my key file…</source>
        <translation>导出本单位公钥文件(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="209" />
        <source>&amp;Register a key file…</source>
        <translation>登记对方公钥文件(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="212" />
        <source>&amp;Print fingerprint sheet…</source>
        <translation>打印指纹确认单(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="229" />
        <source>This installation: {mode}, office code {code}</source>
        <translation>本机：{mode}，单位代码 {code}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="239" />
        <source>Last batch acknowledged by the county: {seq}</source>
        <translation>县局已确认收到的最后批次：{seq}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="240" />
        <location filename="../../ui/sync_dialogs.py" line="246" />
        <location filename="../../ui/sync_dialogs.py" line="247" />
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="242" />
        <source>Sent but not yet acknowledged: batch {seqs}</source>
        <translation>已导出待确认：第 {seqs} 批</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="244" />
        <source>Changes not yet in any batch: {count}</source>
        <translation>尚未导出的变更：{count} 条</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="245" />
        <source>Last export: {at}; last import: {imported}</source>
        <translation>上次导出：{at}；上次导入：{imported}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="249" />
        <source>No key of another office is registered yet: register the other side's key file before exchanging sync files.</source>
        <translation>尚未登记其他单位的公钥：交换同步文件之前，请先登记对方的公钥文件。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="258" />
        <source>Key fingerprint sheet</source>
        <translation>同步密钥指纹确认单</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="267" />
        <source>Write my key file</source>
        <translation>导出本单位公钥文件</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="268" />
        <location filename="../../ui/sync_dialogs.py" line="289" />
        <source>Key files (*.ldkey)</source>
        <translation>公钥文件 (*.ldkey)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="276" />
        <source>Key file written</source>
        <translation>公钥文件已导出</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="277" />
        <source>The public key of {office} was written to:
{path}

Fingerprint:
{fp}

Give the file to the other side and read them the fingerprint over the phone.</source>
        <translation>{office}的公钥已写入：
{path}

指纹：
{fp}

请把文件交给对方，并通过电话向对方念出指纹。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="288" />
        <source>Register a key file</source>
        <translation>登记对方公钥文件</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="301" />
        <source>{office} ({code}, {kind})

Fingerprint:
{fp}

Compare it digit by digit with the fingerprint the other office reads to you over the phone. Register this key?</source>
        <translation>{office}（{code}，{kind}）

指纹：
{fp}

请与对方通过电话念给您的指纹逐位核对。确认登记此公钥吗？</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="307" />
        <source>A DIFFERENT key is registered for this office (fingerprint {old}). Replace it only if that office was reinstalled and made a new key.</source>
        <translation>该单位已登记了另一个公钥（指纹 {old}）。只有在对方重装程序、生成了新密钥时才可替换。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="311" />
        <source>Register key</source>
        <translation>登记公钥</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="323" />
        <source>Key registered</source>
        <translation>公钥已登记</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="324" />
        <source>The key of {office} ({code}) is registered.</source>
        <translation>已登记{office}（{code}）的公钥。</translation>
    </message>
</context>
<context>
    <name>TargetDialog</name>
    <message>
        <location filename="../../ui/targets_page.py" line="108" />
        <source>New plan</source>
        <translation>新建规划</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="108" />
        <source>New yearly target</source>
        <translation>新建年度目标</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="113" />
        <source>A plan covers several years and is then broken down into yearly targets; targets are minimums.</source>
        <translation>规划跨若干年，建好后再分解到各年度；目标是下限（“以上”），只能多分解、不能少分解。</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="115" />
        <source>A yearly target is broken down into months afterwards; targets are minimums.</source>
        <translation>年度目标建好后再分解到各月；目标是下限（“以上”）。</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="138" />
        <source>e.g. 120 or 666.67</source>
        <translation>如 120 或 666.67</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="149" />
        <source>&amp;Target:</source>
        <translation>目标名称(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="150" />
        <source>&amp;Unit:</source>
        <translation>计量单位(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="152" />
        <source>&amp;From year:</source>
        <translation>起始年度(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="153" />
        <source>&amp;To year:</source>
        <translation>截止年度(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="154" />
        <source>Total (at &amp;least):</source>
        <translation>总量（不少于）(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="156" />
        <source>&amp;Year:</source>
        <translation>年度(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="157" />
        <source>Amount (at &amp;least):</source>
        <translation>目标量（不少于）(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="158" />
        <source>&amp;Note:</source>
        <translation>说明(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>TargetsPage</name>
    <message>
        <location filename="../../ui/targets_page.py" line="405" />
        <source>&amp;Year:</source>
        <translation>年度(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="410" />
        <source>&amp;Township:</source>
        <translation>乡镇(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="412" />
        <source>Show &amp;cancelled</source>
        <translation>显示已撤销(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="417" />
        <location filename="../../ui/targets_page.py" line="584" />
        <source>New &amp;plan…</source>
        <translation>新建规划(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="419" />
        <location filename="../../ui/targets_page.py" line="586" />
        <source>New yearly &amp;target…</source>
        <translation>新建年度目标(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="421" />
        <source>&amp;Break down…</source>
        <translation>分解(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="423" />
        <source>C&amp;hange…</source>
        <translation>修改(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="425" />
        <source>Ca&amp;ncel target…</source>
        <translation>撤销目标(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="429" />
        <source>&amp;Print preview…</source>
        <translation>打印预览(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="431" />
        <source>E&amp;xport to Excel…</source>
        <translation>导出 Excel(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="449" />
        <location filename="../../ui/targets_page.py" line="480" />
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="449" />
        <location filename="../../ui/targets_page.py" line="456" />
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="449" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="449" />
        <source>Years</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="449" />
        <location filename="../../ui/targets_page.py" line="456" />
        <source>Target amount</source>
        <translation>目标量</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="450" />
        <location filename="../../ui/targets_page.py" line="456" />
        <location filename="../../ui/targets_page.py" line="480" />
        <location filename="../../ui/targets_page.py" line="489" />
        <location filename="../../ui/targets_page.py" line="837" />
        <location filename="../../ui/targets_page.py" line="886" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="450" />
        <location filename="../../ui/targets_page.py" line="457" />
        <location filename="../../ui/targets_page.py" line="490" />
        <source>% of target</source>
        <translation>占目标</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="450" />
        <location filename="../../ui/targets_page.py" line="481" />
        <source>Should be done by today</source>
        <translation>截至今天应完成</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="450" />
        <location filename="../../ui/targets_page.py" line="482" />
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="640" />
        <source>Year of a plan</source>
        <translation>规划年度目标</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="453" />
        <location filename="../../ui/targets_page.py" line="485" />
        <location filename="../../ui/targets_page.py" line="694" />
        <source>Far behind</source>
        <translation>严重滞后</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="427" />
        <source>&amp;Allot to townships…</source>
        <translation>下达到乡镇所(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="451" />
        <location filename="../../ui/targets_page.py" line="477" />
        <location filename="../../ui/targets_page.py" line="638" />
        <source>Allotted to townships</source>
        <translation>已分解下达</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="454" />
        <source>Targets</source>
        <translation>目标任务</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="456" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="456" />
        <source>Townships</source>
        <translation>乡镇所数</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="459" />
        <source>County totals</source>
        <translation>全县汇总</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="480" />
        <source>Share</source>
        <translation>下达任务</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="480" />
        <source>% of share</source>
        <translation>完成率（占下达）</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="481" />
        <source>Ahead (+) / behind (−)</source>
        <translation>超前（+）/落后（−）</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="481" />
        <source>Months</source>
        <translation>月度分解</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="489" />
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="489" />
        <location filename="../../ui/targets_page.py" line="884" />
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="489" />
        <location filename="../../ui/targets_page.py" line="916" />
        <source>Cumulative planned</source>
        <translation>累计计划</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="490" />
        <location filename="../../ui/targets_page.py" line="918" />
        <source>Cumulative done</source>
        <translation>累计完成</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="490" />
        <source>Completion rate</source>
        <translation>完成率</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="490" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="491" />
        <location filename="../../ui/targets_page.py" line="848" />
        <source>Month {month}</source>
        <translation>{month}月</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="493" />
        <location filename="../../ui/targets_page.py" line="839" />
        <source>Not yet due</source>
        <translation>未到期</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="510" />
        <source>Done = progress reported on the target's task packages (not cancelled), in the month it counts in. Should be done by today = the months passed plus this month's share by days. Completion rate = cumulative done ÷ cumulative planned.</source>
        <translation>完成 = 挂钩任务包（未撤销）报告的进度，按进度所属月份计入；截至今天应完成 = 已过月份的计划 + 本月计划按已过天数折算；完成率 = 累计完成 ÷ 累计计划。</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="565" />
        <source>All townships</source>
        <translation>全部乡镇</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="584" />
        <source>New county &amp;plan…</source>
        <translation>新建县局规划(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="585" />
        <source>New county yearly &amp;target…</source>
        <translation>新建县局年度目标(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="613" />
        <source>Loading the targets of {year}…</source>
        <translation>正在读取 {year} 年的目标任务…</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="632" />
        <source> (cancelled)</source>
        <translation>（已撤销）</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="634" />
        <source>Plan</source>
        <translation>规划</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="636" />
        <source>Issued by the county</source>
        <translation>县局下达</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="640" />
        <source>Yearly target</source>
        <translation>年度目标</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="647" />
        <source>Issued by the county: the amount is set by the county; break it down by month and link task packages to it here.</source>
        <translation>县局下达：目标量由县局确定；本所按月分解并关联任务包。</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="693" />
        <source>Not started</source>
        <translation>尚未开始</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="693" />
        <source>On track or ahead</source>
        <translation>超前或持平</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="694" />
        <source>Behind</source>
        <translation>滞后</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="695" />
        <source>Reached</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="695" />
        <source>Missed</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="696" />
        <source>Nothing planned</source>
        <translation>无计划</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="741" />
        <source>No targets for this year yet.</source>
        <translation>本年度还没有目标任务。</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="768" />
        <source>Broken down</source>
        <translation>已分解</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="776" />
        <source>Townships together</source>
        <translation>各乡镇所合计</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="782" />
        <source>County target</source>
        <translation>县局目标</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="800" />
        <source>Target {amount} {unit}{area}; done {done} {unit} ({percent} of the target).</source>
        <translation>目标 {amount} {unit}{area}；已完成 {done} {unit}（占目标 {percent}）。</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="804" />
        <source>By today {due} {unit} should be done: {standing} by {gap} {unit}.</source>
        <translation>按计划进度截至今天应完成 {due} {unit}，{standing} {gap} {unit}。</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="806" />
        <source>ahead</source>
        <translation>超前</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="806" />
        <source>behind</source>
        <translation>落后</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="808" />
        <source>Progress: {standing}.</source>
        <translation>进度：{standing}。</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="812" />
        <source>Fell short: {periods}.</source>
        <translation>未完成计划：{periods}。</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="815" />
        <source>Allotted to {count} townships, {total} {unit} together.</source>
        <translation>已下达到 {count} 个乡镇所，合计 {total} {unit}。</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="819" />
        <source>Not broken down yet.</source>
        <translation>尚未分解。</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="821" />
        <source>The breakdown is {short} {unit} short of the target.</source>
        <translation>分解合计比目标少 {short} {unit}，请补足。</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="824" />
        <source>{count} progress reports in another unit were not counted.</source>
        <translation>另有 {count} 条进度报告的计量单位不同且不能换算，未计入。</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="827" />
        <source>Issued by the county.</source>
        <translation>县局下达。</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="829" />
        <source>Cancelled: {reason}</source>
        <translation>已撤销：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="484" />
        <location filename="../../ui/targets_page.py" line="768" />
        <location filename="../../ui/targets_page.py" line="835" />
        <source>Not broken down</source>
        <translation>未分解</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="837" />
        <source>Fell short</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="839" />
        <source>Under way</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="844" />
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="844" />
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="863" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="880" />
        <source>Planned and done per year ({unit})</source>
        <translation>每年计划与完成（{unit}）</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="881" />
        <source>Planned and done per month ({unit})</source>
        <translation>每月计划与完成（{unit}）</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="905" />
        <source>Cumulative</source>
        <translation>累计</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="947" />
        <source>Issued by the county: only the county changes or cancels it.</source>
        <translation>县局下达的目标只能由县局调整或撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="1065" />
        <source>Printing failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="1076" />
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../ui/targets_page.py" line="1088" />
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>TemporaryPasswordDialog</name>
    <message>
        <location filename="../../ui/users_page.py" line="203" />
        <source>Temporary password</source>
        <translation>临时密码</translation>
    </message>
    <message>
        <location filename="../../ui/users_page.py" line="206" />
        <source>The temporary password for {name} is:</source>
        <translation>{name} 的临时密码是：</translation>
    </message>
    <message>
        <location filename="../../ui/users_page.py" line="218" />
        <source>Hand it to {name} in person, not by phone or chat. It is shown only this once; {name} must choose a new password at the next sign-in.</source>
        <translation>请当面交给 {name}，不要通过电话或聊天软件告知。此密码只显示这一次；{name} 下次登录时必须设置新密码。</translation>
    </message>
    <message>
        <location filename="../../ui/users_page.py" line="224" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>TextDialog</name>
    <message>
        <location filename="../../ui/package_dialogs.py" line="554" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="558" />
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="570" />
        <source>Evidence file</source>
        <translation>证明材料文件</translation>
    </message>
</context>
<context>
    <name>TownshipCasesDialog</name>
    <message>
        <location filename="../../ui/county_page.py" line="354" />
        <source>{township} — cases received {period}</source>
        <translation>{township} — {period}收件的办件</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="364" />
        <source>All cases</source>
        <translation>全部办件</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="364" />
        <source>Open</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="365" />
        <source>Overdue (open or completed late)</source>
        <translation>超期（在办超期或超期办结）</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="366" />
        <location filename="../../ui/county_page.py" line="379" />
        <source>Completed</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="369" />
        <source>Sho&amp;w:</source>
        <translation>显示(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="378" />
        <source>Case no.</source>
        <translation>受理编号</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="378" />
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="378" />
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="378" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="379" />
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="379" />
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="379" />
        <source>On time</source>
        <translation>按时办结</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="383" />
        <location filename="../../ui/county_page.py" line="407" />
        <source>Late</source>
        <translation>超期</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="386" />
        <source>Transfer &amp;history…</source>
        <translation>传办记录(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="406" />
        <source> (paused)</source>
        <translation>（暂停计时）</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="407" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/county_page.py" line="412" />
        <source>{count} case(s)</source>
        <translation>共 {count} 件</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../ui/users_page.py" line="63" />
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location filename="../../ui/users_page.py" line="63" />
        <source>Edit user</source>
        <translation>修改用户</translation>
    </message>
    <message>
        <location filename="../../ui/users_page.py" line="71" />
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/users_page.py" line="73" />
        <source>Letters, digits, _ or ., e.g. lisi</source>
        <translation>字母、数字、下划线或点，例如 lisi</translation>
    </message>
    <message>
        <location filename="../../ui/users_page.py" line="76" />
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../ui/users_page.py" line="89" />
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/users_page.py" line="93" />
        <source>First password</source>
        <translation>初始密码</translation>
    </message>
    <message>
        <location filename="../../ui/users_page.py" line="94" />
        <source>Password again</source>
        <translation>再输一遍密码</translation>
    </message>
    <message>
        <location filename="../../ui/users_page.py" line="99" />
        <source>At least 8 characters, not only digits</source>
        <translation>至少 8 个字符，不能全是数字</translation>
    </message>
    <message>
        <location filename="../../ui/users_page.py" line="100" />
        <source>Hand the first password over in person; the user chooses their own at the first sign-in.</source>
        <translation>请当面告知初始密码；用户第一次登录时须设置自己的密码。</translation>
    </message>
    <message>
        <location filename="../../ui/users_page.py" line="106" />
        <source>May sign in (active)</source>
        <translation>允许登录（在用）</translation>
    </message>
    <message>
        <location filename="../../ui/users_page.py" line="117" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/users_page.py" line="120" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/users_page.py" line="155" />
        <source>The two passwords are not the same</source>
        <translation>两次输入的密码不一致</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../ui/users_page.py" line="245" />
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <location filename="../../ui/users_page.py" line="253" />
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/users_page.py" line="253" />
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../ui/users_page.py" line="253" />
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/users_page.py" line="254" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/users_page.py" line="254" />
        <source>Last sign-in</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <location filename="../../ui/users_page.py" line="267" />
        <source>&amp;Add user…</source>
        <translation>添加用户(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/users_page.py" line="269" />
        <source>&amp;Edit…</source>
        <translation>修改(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/users_page.py" line="271" />
        <location filename="../../ui/users_page.py" line="374" />
        <source>&amp;Deactivate</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/users_page.py" line="273" />
        <source>&amp;Reset password…</source>
        <translation>重置密码(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/users_page.py" line="284" />
        <source>Screen lock</source>
        <translation>自动锁屏</translation>
    </message>
    <message>
        <location filename="../../ui/users_page.py" line="287" />
        <source>Lock the screen after</source>
        <translation>无人操作</translation>
    </message>
    <message>
        <location filename="../../ui/users_page.py" line="291" />
        <source> minutes without use</source>
        <translation> 分钟后锁屏</translation>
    </message>
    <message>
        <location filename="../../ui/users_page.py" line="292" />
        <source>never</source>
        <translation>从不锁屏</translation>
    </message>
    <message>
        <location filename="../../ui/users_page.py" line="295" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/users_page.py" line="303" />
        <source>Without keyboard or mouse for this long, landdesk covers its window; the user's password opens it again, or another user signs in. 0 = never (not advised at a public window).</source>
        <translation>键盘和鼠标在这段时间内无人操作时，系统会遮盖窗口，输入本人密码即可解锁，也可以换其他用户登录。填 0 表示从不锁屏（对外窗口不建议）。</translation>
    </message>
    <message>
        <location filename="../../ui/users_page.py" line="349" />
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../ui/users_page.py" line="350" />
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../../ui/users_page.py" line="352" />
        <source>locked until {time}</source>
        <translation>锁定至 {time}</translation>
    </message>
    <message>
        <location filename="../../ui/users_page.py" line="354" />
        <source>must change password</source>
        <translation>须修改密码</translation>
    </message>
    <message>
        <location filename="../../ui/users_page.py" line="355" />
        <source>, </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../ui/users_page.py" line="373" />
        <source>Re&amp;activate</source>
        <translation>重新启用(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/users_page.py" line="404" />
        <source>Deactivate user</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <location filename="../../ui/users_page.py" line="405" />
        <source>Deactivate {name} ({login})? They can no longer sign in. Their name stays on the cases and slips they handled.</source>
        <translation>确定停用 {name}（{login}）吗？停用后不能再登录，其经办过的办件和传办单上仍保留其姓名。</translation>
    </message>
    <message>
        <location filename="../../ui/users_page.py" line="425" />
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../ui/users_page.py" line="426" />
        <source>Give {name} ({login}) a new temporary password? The current password stops working at once.</source>
        <translation>确定为 {name}（{login}）生成新的临时密码吗？原密码将立即失效。</translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
    <message>
        <location filename="../../ui/catalog_page.py" line="127" />
        <source>Catalogue versions</source>
        <translation>事项目录版本</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="133" />
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="133" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="133" />
        <source>Issuing body</source>
        <translation>发布单位</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="133" />
        <source>Issued on</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="134" />
        <source>Matters</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="134" />
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="134" />
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="150" />
        <source>&amp;Use this version</source>
        <translation>启用此版本(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="153" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_page.py" line="171" />
        <source>current</source>
        <translation>当前</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <location filename="../../ui/assessment_page.py" line="137" />
        <source>Withdraw an entry</source>
        <translation>撤销考核录入</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="139" />
        <source>{code} {name}: {points} points — {note}</source>
        <translation>{code} {name}：{points} 分 — {note}</translation>
    </message>
    <message>
        <location filename="../../ui/assessment_page.py" line="142" />
        <location filename="../../ui/study_page.py" line="223" />
        <source>&amp;Why:</source>
        <translation>撤销原因(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../ui/study_page.py" line="219" />
        <source>Withdraw a study record</source>
        <translation>撤销学习记录</translation>
    </message>
</context>
<context>
    <name>self.model</name>
    <message>
        <location filename="../../ui/cases_page.py" line="105" />
        <source>(received, no number yet)</source>
        <translation>（已收件，未编号）</translation>
    </message>
    <message>
        <location filename="../../ui/cases_page.py" line="109" />
        <source>{date} (tentative)</source>
        <translation>{date}（待定）</translation>
    </message>
    <message>
        <location filename="../../ui/cases_page.py" line="110" />
        <source>G</source>
        <translation>绿</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="270" />
        <source>G {number}</source>
        <translation>绿 {number}</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="274" />
        <source>Not yet</source>
        <translation>未签收</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="276" />
        <source>{date} paused</source>
        <translation>{date}（暂停）</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="767" />
        <source>Phone call</source>
        <translation>来电</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="773" />
        <source>Forwarded to {target}</source>
        <translation>转办：{target}</translation>
    </message>
    <message>
        <location filename="../../ui/inquiry_page.py" line="774" />
        <source>Awaiting outcome</source>
        <translation>待办结</translation>
    </message>
</context>
</TS>