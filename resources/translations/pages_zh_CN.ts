<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>topup::AddCardDialog</name>
    <message>
        <source>Add a card</source>
        <translation>添加银行卡</translation>
    </message>
    <message>
        <source>The card number and security code are checked and then dropped: only the brand, the last four digits, the expiry and the holder are kept.</source>
        <translation>卡号和安全码仅用于校验，随后即被丢弃：只保存卡组织、卡号后四位、有效期和持卡人姓名。</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>类型(&amp;T)：</translation>
    </message>
    <message>
        <source>Credit card</source>
        <translation>信用卡</translation>
    </message>
    <message>
        <source>Debit card</source>
        <translation>借记卡</translation>
    </message>
    <message>
        <source>Card &amp;number:</source>
        <translation>卡号(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Expiry (MM/YY):</source>
        <translation>有效期 (月/年)(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Security code:</source>
        <translation>安全码(&amp;S)：</translation>
    </message>
    <message>
        <source>Name on &amp;card:</source>
        <translation>持卡人姓名(&amp;C)：</translation>
    </message>
    <message>
        <source>Simulated &amp;funds:</source>
        <translation>模拟余额(&amp;F)：</translation>
    </message>
    <message>
        <source>1234 5678 9012 3456</source>
        <translation>1234 5678 9012 3456</translation>
    </message>
    <message>
        <source>MM/YY</source>
        <translation>MM/YY</translation>
    </message>
    <message>
        <source>3 or 4 digits</source>
        <translation>3 或 4 位数字</translation>
    </message>
    <message>
        <source>As printed on the card</source>
        <translation>与卡面一致</translation>
    </message>
    <message>
        <source>Card type</source>
        <translation>卡类型</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>卡号</translation>
    </message>
    <message>
        <source>Expiry month and year</source>
        <translation>有效期（月和年）</translation>
    </message>
    <message>
        <source>Security code</source>
        <translation>安全码</translation>
    </message>
    <message>
        <source>Name on the card</source>
        <translation>持卡人姓名</translation>
    </message>
    <message>
        <source>Simulated funds on the card</source>
        <translation>卡内模拟余额</translation>
    </message>
    <message>
        <source>Add card</source>
        <translation>添加银行卡</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Brand: %1</source>
        <translation>卡组织：%1</translation>
    </message>
    <message>
        <source>Brand not recognised yet</source>
        <translation>尚未识别卡组织</translation>
    </message>
    <message>
        <source>at most 100 characters</source>
        <translation>最多 100 个字符</translation>
    </message>
    <message>
        <source>enter an amount like 500.00</source>
        <translation>请输入金额，例如 500.00</translation>
    </message>
</context>
<context>
    <name>topup::AddWalletDialog</name>
    <message>
        <source>Add PayPal</source>
        <translation>添加 PayPal</translation>
    </message>
    <message>
        <source>PayPal &amp;e-mail:</source>
        <translation>PayPal 邮箱(&amp;E)：</translation>
    </message>
    <message>
        <source>Simulated &amp;funds:</source>
        <translation>模拟余额(&amp;F)：</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>PayPal e-mail address</source>
        <translation>PayPal 邮箱地址</translation>
    </message>
    <message>
        <source>Simulated funds in the wallet</source>
        <translation>钱包内模拟余额</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>enter an amount like 100.00</source>
        <translation>请输入金额，例如 100.00</translation>
    </message>
</context>
<context>
    <name>topup::AlertModel</name>
    <message>
        <source>MMMM yyyy</source>
        <extracomment>QDate format of a month and its year, e.g. June 2027</extracomment>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <source>a removed method</source>
        <translation>已删除的支付方式</translation>
    </message>
    <message>
        <source>Top-up of %1 failed with %2: %3. It is retried within a day; after four failures auto top-up is suspended.</source>
        <translation>%1 使用 %2 充值失败：%3。系统将在一天内重试；连续失败四次后自动充值将暂停。</translation>
    </message>
    <message>
        <source>Top-up of %1 was blocked: %2. No charge was made; auto top-up resumes on the 1st.</source>
        <translation>%1 的充值被拦截：%2。未产生扣款；自动充值将于下月 1 日恢复。</translation>
    </message>
    <message>
        <source>Auto top-up of %1 is suspended after four failed attempts. Deposit to its payment method or save its rules again to re-arm it.</source>
        <translation>%1 的自动充值在四次尝试失败后已暂停。向其支付方式充入资金，或重新保存其规则即可恢复。</translation>
    </message>
    <message>
        <source>%1 expires at the end of %2. Add a new card and choose it in the rules of the lines that use this one.</source>
        <translation>%1 将于 %2 底到期。请添加新卡，并在使用此卡的线路规则中选择新卡。</translation>
    </message>
    <message>
        <source>%1 has %2 left, less than one top-up of %3 costs. Deposit funds to keep auto top-up going.</source>
        <translation>%1 仅剩 %2，不足以支付 %3 的一次充值。请充入资金以保持自动充值。</translation>
    </message>
    <message>
        <source>While you were away (%1 to %2): top-ups paid %3, failed %4, blocked %5; spent %6.</source>
        <translation>您离开期间（%1 至 %2）：成功充值 %3 次，失败 %4 次，被拦截 %5 次；共花费 %6。</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>已读</translation>
    </message>
    <message>
        <source>New</source>
        <translation>未读</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>topup::AlertsPage</name>
    <message>
        <source>Alerts</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Nothing needs your attention.</source>
        <translation>目前没有需要处理的事项。</translation>
    </message>
    <message>
        <source>All alerts read.</source>
        <translation>所有提醒均已读。</translation>
    </message>
    <message>
        <source>Unread: %1</source>
        <translation>未读：%1</translation>
    </message>
    <message>
        <source>Mark as &amp;read</source>
        <translation>标为已读(&amp;R)</translation>
    </message>
    <message>
        <source>Mark &amp;all as read</source>
        <translation>全部标为已读(&amp;A)</translation>
    </message>
    <message>
        <source>Mark the selected alerts as read</source>
        <translation>将所选提醒标为已读</translation>
    </message>
    <message>
        <source>Mark every alert as read</source>
        <translation>将所有提醒标为已读</translation>
    </message>
</context>
<context>
    <name>topup::AttemptModel</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>removed method</source>
        <translation>已删除的支付方式</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>线路</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>触发方式</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>套餐</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>topup::CapSummary</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1, no cap</source>
        <translation>%1，无上限</translation>
    </message>
    <message>
        <source>top-ups %1 of %2</source>
        <translation>充值 %1 / %2 次</translation>
    </message>
    <message>
        <source>top-ups %1, no maximum</source>
        <translation>充值 %1 次，无次数上限</translation>
    </message>
    <message>
        <source>account %1 of %2</source>
        <translation>账户 %1 / %2</translation>
    </message>
    <message>
        <source>account %1, no cap</source>
        <translation>账户 %1，无上限</translation>
    </message>
    <message>
        <source>%1 — this line: %2 · %3 · %4</source>
        <extracomment>Spend in one month against the caps: month, this line's spend, its count, the account's spend</extracomment>
        <translation>%1 — 本线路：%2 · %3 · %4</translation>
    </message>
    <message>
        <source>MMMM yyyy</source>
        <extracomment>QDate format of a month and its year, e.g. June 2027</extracomment>
        <translation>yyyy年M月</translation>
    </message>
</context>
<context>
    <name>topup::CsvWriter</name>
    <message>
        <source>could not write: %1</source>
        <translation>无法写入：%1</translation>
    </message>
</context>
<context>
    <name>topup::DepositDialog</name>
    <message>
        <source>Deposit</source>
        <translation>充入资金</translation>
    </message>
    <message>
        <source>Add simulated funds to %1.</source>
        <translation>向 %1 充入模拟资金。</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>金额(&amp;A)：</translation>
    </message>
    <message>
        <source>e.g. 50.00</source>
        <translation>例如 50.00</translation>
    </message>
    <message>
        <source>Amount to deposit</source>
        <translation>充入金额</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>enter an amount like 50.00</source>
        <translation>请输入金额，例如 50.00</translation>
    </message>
    <message>
        <source>a deposit must be more than zero</source>
        <translation>充入金额必须大于零</translation>
    </message>
</context>
<context>
    <name>topup::DisplayFormat</name>
    <message>
        <source>d MMM yyyy HH:mm</source>
        <extracomment>QDateTime format of a date with its time, e.g. 25 Nov 2026 09:00</extracomment>
        <translation>yyyy年M月d日 HH:mm</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy</source>
        <extracomment>QDate format of a day, e.g. Wed 25 Nov 2026</extracomment>
        <translation>yyyy年M月d日 ddd</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>An amount of money and its ISO currency code, e.g. 4.50 EUR</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已支付</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>已拦截</translation>
    </message>
    <message>
        <source>card expired</source>
        <translation>卡已过期</translation>
    </message>
    <message>
        <source>declined by the bank</source>
        <translation>被银行拒绝</translation>
    </message>
    <message>
        <source>payment gateway error</source>
        <translation>支付网关错误</translation>
    </message>
    <message>
        <source>insufficient funds</source>
        <translation>余额不足</translation>
    </message>
    <message>
        <source>line's monthly budget reached</source>
        <translation>已达线路每月预算</translation>
    </message>
    <message>
        <source>line's top-ups per month reached</source>
        <translation>已达线路每月充值次数上限</translation>
    </message>
    <message>
        <source>account's monthly budget reached</source>
        <translation>已达账户每月预算</translation>
    </message>
    <message>
        <source>armed</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>retrying</source>
        <translation>重试中</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>blocked until the 1st</source>
        <translation>已拦截，下月 1 日恢复</translation>
    </message>
</context>
<context>
    <name>topup::HistoryPage</name>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>&amp;Line:</source>
        <translation>线路(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已支付</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>已拦截</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;to:</source>
        <translation>至(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>Top-up attempts</source>
        <translation>充值记录</translation>
    </message>
    <message>
        <source>Show the attempts of line</source>
        <translation>显示该线路的充值记录</translation>
    </message>
    <message>
        <source>Show the attempts with status</source>
        <translation>显示该状态的充值记录</translation>
    </message>
    <message>
        <source>From local day</source>
        <translation>起始日期（本地）</translation>
    </message>
    <message>
        <source>To local day</source>
        <translation>结束日期（本地）</translation>
    </message>
    <message>
        <source>Export the shown attempts as CSV</source>
        <translation>将显示的充值记录导出为 CSV</translation>
    </message>
    <message>
        <source>All lines</source>
        <translation>所有线路</translation>
    </message>
    <message>
        <source>Shown: %1 (scroll for older ones)</source>
        <translation>已显示：%1 条（向下滚动查看更早的记录）</translation>
    </message>
    <message>
        <source>Shown: %1</source>
        <translation>已显示：%1 条</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Export top-up attempts</source>
        <translation>导出充值记录</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Exported %1 rows to %2</source>
        <translation>已导出 %1 行到 %2</translation>
    </message>
</context>
<context>
    <name>topup::LinePage</name>
    <message>
        <source>&amp;Rules (unsaved)</source>
        <translation>规则（未保存）(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Rules</source>
        <translation>规则(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Test auto top-up</source>
        <translation>测试自动充值(&amp;T)</translation>
    </message>
    <message>
        <source>Line details</source>
        <translation>线路详情</translation>
    </message>
    <message>
        <source>eSIM line</source>
        <translation>eSIM 线路</translation>
    </message>
    <message>
        <source>eSIM line · %1</source>
        <translation>eSIM 线路 · %1</translation>
    </message>
    <message>
        <source>No line chosen</source>
        <translation>未选择线路</translation>
    </message>
    <message>
        <source>Unsaved rules</source>
        <translation>规则未保存</translation>
    </message>
    <message>
        <source>The auto top-up rules of %1 have changes that are not saved.</source>
        <translation>%1 的自动充值规则有未保存的更改。</translation>
    </message>
</context>
<context>
    <name>topup::LineTestPanel</name>
    <message>
        <source>The clock stopped: %1</source>
        <translation>时钟已停止：%1</translation>
    </message>
    <message>
        <source>Balance now</source>
        <translation>当前余量</translation>
    </message>
    <message>
        <source>Simulated clock</source>
        <translation>模拟时钟</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>运行(&amp;P)</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>速度：</translation>
    </message>
    <message>
        <source>1 minute per second</source>
        <translation>每秒 1 分钟</translation>
    </message>
    <message>
        <source>1 hour per second</source>
        <translation>每秒 1 小时</translation>
    </message>
    <message>
        <source>1 day per second</source>
        <translation>每秒 1 天</translation>
    </message>
    <message>
        <source>Jump to &amp;next event</source>
        <translation>跳到下一事件(&amp;N)</translation>
    </message>
    <message>
        <source>Try the rules</source>
        <translation>试用规则</translation>
    </message>
    <message>
        <source>&amp;Drain the line's data</source>
        <translation>耗尽线路流量(&amp;D)</translation>
    </message>
    <message>
        <source>Next charge of:</source>
        <translation>下一次扣款：</translation>
    </message>
    <message>
        <source>is declined</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>hits a gateway error</source>
        <translation>遇到网关错误</translation>
    </message>
    <message>
        <source>has insufficient funds</source>
        <translation>余额不足</translation>
    </message>
    <message>
        <source>&amp;Inject failure</source>
        <translation>注入故障(&amp;I)</translation>
    </message>
    <message>
        <source>Top up now:</source>
        <translation>立即充值：</translation>
    </message>
    <message>
        <source>Top &amp;up</source>
        <translation>充值(&amp;U)</translation>
    </message>
    <message>
        <source>Latest attempts of this line</source>
        <translation>本线路最近的充值记录</translation>
    </message>
    <message>
        <source>Pause the simulated clock</source>
        <translation>暂停模拟时钟</translation>
    </message>
    <message>
        <source>Play the simulated clock</source>
        <translation>运行模拟时钟</translation>
    </message>
    <message>
        <source>Simulation speed</source>
        <translation>模拟速度</translation>
    </message>
    <message>
        <source>Jump to the next top-up</source>
        <translation>跳到下一次充值</translation>
    </message>
    <message>
        <source>Use up all data of the line</source>
        <translation>用完线路的全部流量</translation>
    </message>
    <message>
        <source>Method whose next charge fails</source>
        <translation>下一次扣款将失败的支付方式</translation>
    </message>
    <message>
        <source>Failure to inject</source>
        <translation>要注入的故障</translation>
    </message>
    <message>
        <source>Inject the failure</source>
        <translation>注入该故障</translation>
    </message>
    <message>
        <source>Package to buy now</source>
        <translation>立即购买的套餐</translation>
    </message>
    <message>
        <source>Method to pay with now</source>
        <translation>立即使用的支付方式</translation>
    </message>
    <message>
        <source>Top up now</source>
        <translation>立即充值</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Data: %1</source>
        <translation>流量：%1</translation>
    </message>
    <message>
        <source>Voice: %1</source>
        <translation>通话：%1</translation>
    </message>
    <message>
        <source>Threshold top-up: %1</source>
        <translation>阈值充值：%1</translation>
    </message>
    <message>
        <source>No threshold top-up</source>
        <translation>未设置阈值充值</translation>
    </message>
    <message>
        <source>Simulated time: %1</source>
        <translation>模拟时间：%1</translation>
    </message>
    <message>
        <source>The line's data is used up; the rules reacted at once (see the attempts below).</source>
        <translation>线路流量已用完，规则已立即响应（见下方充值记录）。</translation>
    </message>
    <message>
        <source>The next charge of %1 will fail: %2.</source>
        <translation>%1 的下一次扣款将失败：%2。</translation>
    </message>
    <message>
        <source>Topped up with %1.</source>
        <translation>已充值：%1。</translation>
    </message>
    <message>
        <source>The top-up failed: %1.</source>
        <translation>充值失败：%1。</translation>
    </message>
    <message>
        <source>No top-up in the next 35 days; the clock stays.</source>
        <translation>未来 35 天内没有充值，时钟保持不变。</translation>
    </message>
    <message>
        <source>Jumped to the next top-up: %1.</source>
        <translation>已跳到下一次充值：%1。</translation>
    </message>
</context>
<context>
    <name>topup::MethodModel</name>
    <message>
        <source>%1 credit card</source>
        <translation>%1 信用卡</translation>
    </message>
    <message>
        <source>%1 debit card</source>
        <translation>%1 借记卡</translation>
    </message>
    <message>
        <source>PayPal</source>
        <translation>PayPal</translation>
    </message>
    <message>
        <source>•••• %1</source>
        <translation>•••• %1</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 — expires soon</source>
        <translation>%1 — 即将到期</translation>
    </message>
    <message>
        <source>%1 — expired</source>
        <translation>%1 — 已过期</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Funds</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>使用线路</translation>
    </message>
</context>
<context>
    <name>topup::PaymentsPage</name>
    <message>
        <source>Payment methods</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Auto top-ups charge a line's method, then its fallback. Cards are valid through the last day of their expiry month; those expiring within 30 days are marked.</source>
        <translation>自动充值先从线路的支付方式扣款，失败时再使用备用方式。银行卡在到期月份的最后一天之前有效；30 天内到期的卡会被标出。</translation>
    </message>
    <message>
        <source>Add &amp;card…</source>
        <translation>添加银行卡(&amp;C)…</translation>
    </message>
    <message>
        <source>Add &amp;PayPal…</source>
        <translation>添加 PayPal(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Deposit…</source>
        <translation>充入资金(&amp;D)…</translation>
    </message>
    <message>
        <source>Set &amp;default</source>
        <translation>设为默认(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>删除(&amp;R)…</translation>
    </message>
    <message>
        <source>Add a card</source>
        <translation>添加银行卡</translation>
    </message>
    <message>
        <source>Add a PayPal wallet</source>
        <translation>添加 PayPal 钱包</translation>
    </message>
    <message>
        <source>Deposit funds to the selected method</source>
        <translation>向所选支付方式充入资金</translation>
    </message>
    <message>
        <source>Make the selected method the default</source>
        <translation>将所选支付方式设为默认</translation>
    </message>
    <message>
        <source>Remove the selected method</source>
        <translation>删除所选支付方式</translation>
    </message>
    <message>
        <source>Set default</source>
        <translation>设为默认</translation>
    </message>
    <message>
        <source>%1 could not become the default: %2</source>
        <translation>无法将 %1 设为默认：%2</translation>
    </message>
    <message>
        <source>Remove payment method</source>
        <translation>删除支付方式</translation>
    </message>
    <message>
        <source>Remove %1 from your account?</source>
        <translation>要从账户中删除 %1 吗？</translation>
    </message>
    <message>
        <source>%1 was not removed: %2</source>
        <translation>未删除 %1：%2</translation>
    </message>
</context>
<context>
    <name>topup::PolicyEditor</name>
    <message>
        <source>&amp;Auto top-up on for this line</source>
        <translation>为此线路开启自动充值(&amp;A)</translation>
    </message>
    <message>
        <source>Top up when the balance runs low</source>
        <translation>余量不足时充值</translation>
    </message>
    <message>
        <source>Watch:</source>
        <translation>监控：</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>流量</translation>
    </message>
    <message>
        <source>Voice minutes</source>
        <translation>通话分钟</translation>
    </message>
    <message>
        <source>When below:</source>
        <translation>低于：</translation>
    </message>
    <message>
        <source>Buy:</source>
        <translation>购买：</translation>
    </message>
    <message>
        <source>Top up every month</source>
        <translation>每月充值</translation>
    </message>
    <message>
        <source>On day:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>1 to 31; days 29–31: in shorter months, the last day.</source>
        <translation>1 至 31；选择 29–31 日时，较短的月份在当月最后一天充值。</translation>
    </message>
    <message>
        <source>At (local time):</source>
        <translation>时间（本地）：</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>支付</translation>
    </message>
    <message>
        <source>Pay with:</source>
        <translation>支付方式：</translation>
    </message>
    <message>
        <source>If it fails:</source>
        <translation>失败时改用：</translation>
    </message>
    <message>
        <source>Limits per calendar month</source>
        <translation>每个自然月的限额</translation>
    </message>
    <message>
        <source>Spend at most:</source>
        <translation>最多花费：</translation>
    </message>
    <message>
        <source>Top up at most:</source>
        <translation>最多充值：</translation>
    </message>
    <message>
        <source>No limit (e.g. 20.00)</source>
        <translation>不限（例如 20.00）</translation>
    </message>
    <message>
        <source>No limit (times a month)</source>
        <translation>不限（每月次数）</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>取消(&amp;N)</translation>
    </message>
    <message>
        <source>The next %1 days with these rules</source>
        <translation>按此规则未来 %1 天的充值</translation>
    </message>
    <message>
        <source>Auto top-up on</source>
        <translation>开启自动充值</translation>
    </message>
    <message>
        <source>Threshold top-up</source>
        <translation>阈值充值</translation>
    </message>
    <message>
        <source>Resource to watch</source>
        <translation>监控的资源</translation>
    </message>
    <message>
        <source>Threshold amount</source>
        <translation>阈值数量</translation>
    </message>
    <message>
        <source>Threshold unit</source>
        <translation>阈值单位</translation>
    </message>
    <message>
        <source>Package bought below the threshold</source>
        <translation>低于阈值时购买的套餐</translation>
    </message>
    <message>
        <source>Monthly top-up</source>
        <translation>每月充值</translation>
    </message>
    <message>
        <source>Day of the month</source>
        <translation>每月日期</translation>
    </message>
    <message>
        <source>Time of the monthly top-up</source>
        <translation>每月充值时间</translation>
    </message>
    <message>
        <source>Package bought every month</source>
        <translation>每月购买的套餐</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Fallback payment method</source>
        <translation>备用支付方式</translation>
    </message>
    <message>
        <source>Monthly spending cap</source>
        <translation>每月花费上限</translation>
    </message>
    <message>
        <source>Top-ups per month at most</source>
        <translation>每月最多充值次数</translation>
    </message>
    <message>
        <source>Preview of the next top-ups</source>
        <translation>未来充值预览</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <source>GB</source>
        <translation>GB</translation>
    </message>
    <message>
        <source>GiB</source>
        <translation>GiB</translation>
    </message>
    <message>
        <source>min</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>h</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <extracomment>A package and its price, e.g. "5 GB data — 15.00 EUR"</extracomment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Choose a method</source>
        <translation>选择支付方式</translation>
    </message>
    <message>
        <source>No fallback</source>
        <translation>无备用方式</translation>
    </message>
    <message>
        <source>enter the amount that starts a top-up</source>
        <translation>请输入触发充值的数量</translation>
    </message>
    <message>
        <source>enter a day from 1 to 31</source>
        <translation>请输入 1 至 31 之间的日期</translation>
    </message>
    <message>
        <source>enter an amount like 20.00</source>
        <translation>请输入金额，例如 20.00</translation>
    </message>
    <message>
        <source>Correct the fields marked in red to see what these rules would do.</source>
        <translation>请更正红色标出的字段，以查看这些规则的效果。</translation>
    </message>
    <message>
        <source>No top-up in the next %1 days at the recent pace.</source>
        <translation>按近期用量，未来 %1 天内不会充值。</translation>
    </message>
    <message>
        <source>Auto top-up is off: nothing will happen by itself.</source>
        <translation>自动充值已关闭：不会自动进行任何充值。</translation>
    </message>
    <message>
        <source>Blocked by a limit: %1 of these top-ups (marked).</source>
        <translation>被限额拦截：其中 %1 次充值（已标出）。</translation>
    </message>
    <message>
        <source>At the recent pace of usage; times in %1.</source>
        <translation>按近期用量估算；时间为 %1 时区。</translation>
    </message>
    <message>
        <source>Not saved: correct the fields marked in red.</source>
        <translation>未保存：请更正红色标出的字段。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>s</source>
        <translation>秒</translation>
    </message>
</context>
<context>
    <name>topup::PreviewModel</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>A status and its reason, e.g. "Blocked: line's monthly budget reached"</extracomment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>触发方式</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>套餐</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>topup::UsageChart</name>
    <message>
        <source>Usage</source>
        <translation>用量</translation>
    </message>
    <message>
        <source>By hour (7 days)</source>
        <translation>按小时（7 天）</translation>
    </message>
    <message>
        <source>By day (90 days)</source>
        <translation>按天（90 天）</translation>
    </message>
    <message>
        <source>By week (1 year)</source>
        <translation>按周（1 年）</translation>
    </message>
    <message>
        <source>By month (2 years)</source>
        <translation>按月（2 年）</translation>
    </message>
    <message>
        <source>Usage chart step</source>
        <translation>用量图表粒度</translation>
    </message>
    <message>
        <source>Usage chart</source>
        <translation>用量图表</translation>
    </message>
    <message>
        <source>Data (GB)</source>
        <translation>流量 (GB)</translation>
    </message>
    <message>
        <source>Voice (minutes)</source>
        <translation>通话（分钟）</translation>
    </message>
    <message>
        <source>No usage recorded in this period.</source>
        <translation>此期间没有用量记录。</translation>
    </message>
    <message>
        <source>d MMM HH:mm</source>
        <extracomment>QDateTime formats of the usage chart's time axis</extracomment>
        <translation>M月d日 HH:mm</translation>
    </message>
    <message>
        <source>MMM yyyy</source>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <source>d MMM</source>
        <translation>M月d日</translation>
    </message>
    <message>
        <source>GB</source>
        <translation>GB</translation>
    </message>
    <message>
        <source>min</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Usage per period</source>
        <translation>各时段用量</translation>
    </message>
</context>
<context>
    <name>topup::UsageModel</name>
    <message>
        <source>d MMM HH:mm</source>
        <extracomment>QDateTime format of an hour of usage, e.g. 20 Jun 14:00</extracomment>
        <translation>M月d日 HH:mm</translation>
    </message>
    <message>
        <source>Week of %1</source>
        <extracomment>A week of usage by its first day</extracomment>
        <translation>%1 起的一周</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <source>MMMM yyyy</source>
        <extracomment>QDate format of a month and its year, e.g. June 2027</extracomment>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>流量</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>通话</translation>
    </message>
</context>
</TS>
