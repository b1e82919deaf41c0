<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountStore</name>
    <message>
        <source>a monthly cap must be more than zero</source>
        <translation>每月上限必须大于零</translation>
    </message>
    <message>
        <source>an account with this login already exists; sign in instead</source>
        <translation>该账号已存在，请直接登录</translation>
    </message>
    <message>
        <source>wrong login or password</source>
        <translation>账号或密码错误</translation>
    </message>
    <message>
        <source>too many wrong passwords: the account is locked until %1</source>
        <translation>密码错误次数过多：账户已锁定至 %1</translation>
    </message>
    <message>
        <source>no such account</source>
        <translation>账户不存在</translation>
    </message>
    <message>
        <source>the carrier&apos;s catalog is not priced in %1; choose one of %2</source>
        <translation>运营商的套餐目录没有以 %1 定价；请从 %2 中选择</translation>
    </message>
    <message>
        <source>A monthly cap must be more than zero.</source>
        <translation>每月上限必须大于零。</translation>
    </message>
    <message>
        <source>The carrier&apos;s catalog is not priced in %1; choose one of %2.</source>
        <translation>运营商的套餐目录没有以 %1 定价；请从 %2 中选择。</translation>
    </message>
    <message>
        <source>An account with this login already exists; sign in instead.</source>
        <translation>该账号已存在，请直接登录。</translation>
    </message>
    <message>
        <source>Wrong login or password.</source>
        <translation>账号或密码错误。</translation>
    </message>
    <message>
        <source>Too many wrong passwords: the account is locked until %1.</source>
        <translation>密码错误次数过多：账户已锁定至 %1。</translation>
    </message>
    <message>
        <source>No such account.</source>
        <translation>账户不存在。</translation>
    </message>
</context>
<context>
    <name>Advisor</name>
    <message>
        <source>the period ends (%1) before it starts (%2)</source>
        <translation>时段的结束时间（%1）早于开始时间（%2）</translation>
    </message>
    <message>
        <source>the line&apos;s balance at the start of the period is negative</source>
        <translation>线路在时段开始时的余额为负数</translation>
    </message>
    <message>
        <source>there is no package the line could buy</source>
        <translation>没有这条线路可以购买的套餐</translation>
    </message>
    <message>
        <source>package &quot;%1&quot; is listed twice</source>
        <translation>套餐“%1”列出了两次</translation>
    </message>
    <message>
        <source>the line&apos;s rules name no payment method; choose the method that pays first</source>
        <translation>线路的规则没有指定付款方式；请先选择付款方式</translation>
    </message>
    <message>
        <source>payment method &quot;%1&quot; of the line&apos;s rules is not among the methods given</source>
        <translation>线路规则中的付款方式“%1”不在给定的付款方式中</translation>
    </message>
    <message>
        <source>the line&apos;s rules buy package &quot;%1&quot;, which is not among the packages it may buy</source>
        <translation>线路的规则购买套餐“%1”，但它不在这条线路可购买的套餐中</translation>
    </message>
    <message>
        <source>the usage at %1 lies outside the period %2 to %3</source>
        <translation>%1 的用量不在时段 %2 至 %3 之内</translation>
    </message>
    <message>
        <source>the usage at %1 is not after the hour before it</source>
        <translation>%1 的用量不在前一个小时之后</translation>
    </message>
    <message>
        <source>the usage at %1 is negative</source>
        <translation>%1 的用量为负数</translation>
    </message>
    <message>
        <source>the deposit at %1 is to payment method &quot;%2&quot;, which is not among the methods given</source>
        <translation>%1 的存款存入付款方式“%2”，但它不在给定的付款方式中</translation>
    </message>
    <message>
        <source>the deposit at %1 lies outside the period or is of nothing</source>
        <translation>%1 的存款不在时段之内，或金额为零</translation>
    </message>
    <message>
        <source>the line&apos;s %1 packages make %2 candidate rules, more than the %3 the advisor replays; offer it fewer packages</source>
        <translation>线路的 %1 个套餐组成 %2 条候选规则，超过了建议器可重放的 %3 条；请减少可选套餐</translation>
    </message>
    <message>
        <source>replaying the line&apos;s current rules stopped: %1</source>
        <translation>重放线路当前的规则时停止：%1</translation>
    </message>
    <message>
        <source>replaying candidate rules number %1 stopped: %2</source>
        <translation>重放第 %1 条候选规则时停止：%2</translation>
    </message>
    <message>
        <source>The line&apos;s %1 packages make %2 candidate rules, more than the %3 the advisor replays; offer it fewer packages.</source>
        <translation>线路的 %1 个套餐组成 %2 条候选规则，超过了建议器可重放的 %3 条；请减少可选套餐。</translation>
    </message>
</context>
<context>
    <name>AdvisorHistory</name>
    <message>
        <source>this line is not one of the account&apos;s lines</source>
        <translation>这条线路不属于此账户</translation>
    </message>
    <message>
        <source>the number of days must be between 1 and %1 (got %2)</source>
        <translation>天数必须在 1 到 %1 之间（实际为 %2）</translation>
    </message>
    <message>
        <source>the line&apos;s top-ups could not be read</source>
        <translation>无法读取这条线路的充值记录</translation>
    </message>
    <message>
        <source>This line is not one of the account&apos;s lines.</source>
        <translation>这条线路不属于此账户。</translation>
    </message>
    <message>
        <source>The number of days must be between 1 and %1 (got %2).</source>
        <translation>天数必须在 1 到 %1 之间（实际为 %2）。</translation>
    </message>
    <message>
        <source>The line&apos;s top-ups could not be read.</source>
        <translation>无法读取这条线路的充值记录。</translation>
    </message>
</context>
<context>
    <name>BooksAgreement</name>
    <message>
        <source>paid %1</source>
        <translation>已支付 %1</translation>
    </message>
    <message>
        <source>failed (%1) for %2</source>
        <translation>失败（%1），金额 %2</translation>
    </message>
    <message>
        <source>%1 and %2 disagree about the charges made since they were last known to agree: %3. The store and the provider&apos;s journal must be the two files written together (a write-ahead log emptied or taken from another copy breaks that); refused (nothing was changed). Put both files back as they were, or move the folder aside to start fresh</source>
        <translation>%1 和 %2 对最后一次确认一致之后的扣款记录不一致：%3。存储和服务商的日志必须是一同写入的两个文件（被清空或取自另一份副本的预写日志会破坏这一点）；已拒绝（未做任何改动）。请将两个文件恢复原样，或将该文件夹移到别处以重新开始</translation>
    </message>
    <message>
        <source>the store has the charge %1 (attempt %2) written down as %3, and the payment journal has no such charge</source>
        <translation>存储中记有扣款 %1（第 %2 次尝试），状态为%3，而支付日志中没有这笔扣款</translation>
    </message>
    <message>
        <source>the charge %1 (attempt %2) is %3 in the store but %4 in the payment journal</source>
        <translation>扣款 %1（第 %2 次尝试）在存储中为%3，在支付日志中却为%4</translation>
    </message>
    <message>
        <source>the payment journal has the charge %1 (attempt %2) as %3, and the store has neither that charge nor its intent</source>
        <translation>支付日志中记有扣款 %1（第 %2 次尝试），状态为%3，而存储中既没有这笔扣款，也没有它的扣款意向</translation>
    </message>
    <message>
        <source>The store %1 and the payment journal %2 disagree about the charges made since they last agreed, so nothing was changed. Put both files back as they were, or move the data folder aside to start fresh.</source>
        <translation>存储 %1 和支付日志 %2 对最后一次确认一致之后的扣款记录不一致，因此未做任何更改。请将两个文件恢复原样，或将数据文件夹移到一旁以重新开始。</translation>
    </message>
    <message>
        <source>Where they differ: %1.</source>
        <translation>不一致之处：%1。</translation>
    </message>
    <message>
        <source>%1 and %2 disagree about the charges made since they were last known to agree: %3. The store and the provider&apos;s journal must be the two databases written together (one restored from another backup than the other breaks that); refused (nothing was changed). Restore both from the same backup, or give the address of an empty database to start fresh</source>
        <translation>%1 与 %2 对上次确认一致之后的扣款记录不一致：%3。存储和支付服务商的日志必须是一起写入的两个数据库（其中一个从另一份备份恢复就会破坏这一点）；已拒绝（未做任何更改）。请从同一份备份恢复两者，或给出一个空数据库的地址以重新开始</translation>
    </message>
    <message>
        <source>The store&apos;s database %1 and the payment journal&apos;s database %2 disagree about the charges made since they last agreed, so nothing was changed. Restore both databases from the same backup, or give the address of an empty database to start fresh.</source>
        <translation>存储数据库 %1 与支付日志数据库 %2 对上次一致之后的扣款记录不一致，因此未做任何更改。请从同一份备份恢复这两个数据库，或给出一个空数据库的地址以重新开始。</translation>
    </message>
    <message>
        <source>the payment journal ends at charge number %1, before charge number %2 that both had agreed on</source>
        <translation>支付日志止于第 %1 笔扣款，早于双方已确认一致的第 %2 笔扣款</translation>
    </message>
</context>
<context>
    <name>CardExpiry</name>
    <message>
        <source>enter the expiry date as MM/YY, e.g. 08/27</source>
        <translation>请按 MM/YY 格式输入有效期，例如 08/27</translation>
    </message>
    <message>
        <source>the expiry month must be 01 to 12 (got %1)</source>
        <translation>有效期月份必须在 01 到 12 之间（输入为 %1）</translation>
    </message>
    <message>
        <source>card expired (%1)</source>
        <translation>卡已过期（%1）</translation>
    </message>
    <message>
        <source>Enter the expiry date as MM/YY, e.g. 08/27.</source>
        <translation>请按 MM/YY 格式输入有效期，例如 08/27。</translation>
    </message>
    <message>
        <source>The expiry month must be 01 to 12 (got %1).</source>
        <translation>有效期月份必须在 01 到 12 之间（输入为 %1）。</translation>
    </message>
    <message>
        <source>Card expired (%1).</source>
        <translation>卡已过期（%1）。</translation>
    </message>
</context>
<context>
    <name>CardNumber</name>
    <message>
        <source>a Visa card number has 13, 16 or 19 digits (this one has %1)</source>
        <translation>Visa 卡号为 13、16 或 19 位（此卡号为 %1 位）</translation>
    </message>
    <message>
        <source>a Mastercard number has 16 digits (this one has %1)</source>
        <translation>万事达卡号为 16 位（此卡号为 %1 位）</translation>
    </message>
    <message>
        <source>an American Express card number has 15 digits (this one has %1)</source>
        <translation>美国运通卡号为 15 位（此卡号为 %1 位）</translation>
    </message>
    <message>
        <source>a UnionPay card number has 16 to 19 digits (this one has %1)</source>
        <translation>银联卡号为 16 至 19 位（此卡号为 %1 位）</translation>
    </message>
    <message>
        <source>a Discover card number has 16 to 19 digits (this one has %1)</source>
        <translation>Discover 卡号为 16 至 19 位（此卡号为 %1 位）</translation>
    </message>
    <message>
        <source>a JCB card number has 16 to 19 digits (this one has %1)</source>
        <translation>JCB 卡号为 16 至 19 位（此卡号为 %1 位）</translation>
    </message>
    <message>
        <source>a card number may contain only digits and spaces</source>
        <translation>卡号只能包含数字和空格</translation>
    </message>
    <message>
        <source>enter the card number</source>
        <translation>请输入卡号</translation>
    </message>
    <message>
        <source>card brand not recognised; Visa, Mastercard, American Express, UnionPay, Discover and JCB are accepted</source>
        <translation>无法识别卡组织；支持 Visa、万事达、美国运通、银联、Discover 和 JCB</translation>
    </message>
    <message>
        <source>this card number is not valid; check it for typing mistakes</source>
        <translation>卡号无效，请检查是否输错</translation>
    </message>
    <message>
        <source>A Visa card number has 13, 16 or 19 digits (this one has %1).</source>
        <translation>Visa 卡号为 13、16 或 19 位（此卡号为 %1 位）。</translation>
    </message>
    <message>
        <source>A Mastercard number has 16 digits (this one has %1).</source>
        <translation>万事达卡号为 16 位（此卡号为 %1 位）。</translation>
    </message>
    <message>
        <source>An American Express card number has 15 digits (this one has %1).</source>
        <translation>美国运通卡号为 15 位（此卡号为 %1 位）。</translation>
    </message>
    <message>
        <source>A UnionPay card number has 16 to 19 digits (this one has %1).</source>
        <translation>银联卡号为 16 至 19 位（此卡号为 %1 位）。</translation>
    </message>
    <message>
        <source>A Discover card number has 16 to 19 digits (this one has %1).</source>
        <translation>Discover 卡号为 16 至 19 位（此卡号为 %1 位）。</translation>
    </message>
    <message>
        <source>A JCB card number has 16 to 19 digits (this one has %1).</source>
        <translation>JCB 卡号为 16 至 19 位（此卡号为 %1 位）。</translation>
    </message>
    <message>
        <source>A card number may contain only digits and spaces.</source>
        <translation>卡号只能包含数字和空格。</translation>
    </message>
    <message>
        <source>Enter the card number.</source>
        <translation>请输入卡号。</translation>
    </message>
    <message>
        <source>Card brand not recognised; Visa, Mastercard, American Express, UnionPay, Discover and JCB are accepted.</source>
        <translation>无法识别卡组织；支持 Visa、万事达、美国运通、银联、Discover 和 JCB。</translation>
    </message>
    <message>
        <source>This card number is not valid; check it for typing mistakes.</source>
        <translation>卡号无效，请检查是否输错。</translation>
    </message>
</context>
<context>
    <name>CardSecurityCode</name>
    <message>
        <source>the security code of an American Express card is the 4 digits printed on its front</source>
        <translation>美国运通卡的安全码是印在卡片正面的 4 位数字</translation>
    </message>
    <message>
        <source>the security code is the 3 digits printed on the back of the card</source>
        <translation>安全码是印在卡片背面的 3 位数字</translation>
    </message>
    <message>
        <source>The security code of an American Express card is the 4 digits printed on its front.</source>
        <translation>美国运通卡的安全码是印在卡片正面的 4 位数字。</translation>
    </message>
    <message>
        <source>The security code is the 3 digits printed on the back of the card.</source>
        <translation>安全码是印在卡片背面的 3 位数字。</translation>
    </message>
</context>
<context>
    <name>ChargeGroup</name>
    <message>
        <source>an earlier charge of the same instant could not be made</source>
        <translation>同一时刻较早的一笔扣款未能完成</translation>
    </message>
    <message>
        <source>the charges of %1 were not made</source>
        <translation>%1 的扣款未完成</translation>
    </message>
    <message numerus="yes">
        <source>%n payment(s) went through but could not be written down yet (%1); they will be at the next start</source>
        <translation>
            <numerusform>%n 笔付款已完成，但尚未能记录下来（%1）；将在下次启动时记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n payment(s) went through but could not be written down yet; they will be at the next start.</source>
        <translation>
            <numerusform>%n 笔付款已完成，但尚未能记录下来；将在下次启动时记录。</numerusform>
        </translation>
    </message>
    <message>
        <source>the charges up to %1 meet one made before; they are asked again</source>
        <translation>截至 %1 的扣款中有一笔此前已经处理过；将逐笔重新查询</translation>
    </message>
</context>
<context>
    <name>ChargeRecorder</name>
    <message>
        <source>no such payment method or package</source>
        <translation>付款方式或套餐不存在</translation>
    </message>
    <message>
        <source>the payment went through but could not be written down yet (%1); it will be at the next start</source>
        <translation>付款已完成，但暂时无法记录（%1）；将在下次启动时记录</translation>
    </message>
    <message>
        <source>No such payment method or package.</source>
        <translation>付款方式或套餐不存在。</translation>
    </message>
    <message>
        <source>The payment went through but could not be written down yet; it will be at the next start.</source>
        <translation>付款已完成，但暂时无法记录；将在下次启动时记录。</translation>
    </message>
</context>
<context>
    <name>CommandLineChecks</name>
    <message>
        <source>cannot write to standard output (%1)</source>
        <translation>无法写入标准输出（%1）</translation>
    </message>
    <message>
        <source>a write failed</source>
        <translation>一次写入失败</translation>
    </message>
    <message>
        <source>--%1 is given more than once; give it once</source>
        <translation>--%1 给出了不止一次；请只给一次</translation>
    </message>
    <message>
        <source>--%1 is given an empty value; give a value, or leave the option out</source>
        <translation>--%1 的值为空；请给出一个值，或省略该选项</translation>
    </message>
    <message>
        <source>argument %1 (&quot;%2&quot;) is not valid UTF-8; paths and values must be UTF-8</source>
        <translation>第 %1 个参数（“%2”）不是有效的 UTF-8；路径和值必须是 UTF-8</translation>
    </message>
    <message>
        <source>%1 does not apply to %2 (%3)</source>
        <translation>%1 不适用于 %2（%3）</translation>
    </message>
</context>
<context>
    <name>DataDirectory</name>
    <message>
        <source>no data folder: give --data-dir DIR or set TOPUP_DATA_DIR</source>
        <translation>没有数据文件夹：请使用 --data-dir DIR 或设置 TOPUP_DATA_DIR</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder: the data folder must be a folder (give --data-dir another path)</source>
        <translation>%1 是一个文件而不是文件夹：数据文件夹必须是文件夹（请为 --data-dir 指定其他路径）</translation>
    </message>
    <message>
        <source>%1: cannot create the data folder (check that its parent exists and is writable)</source>
        <translation>%1：无法创建数据文件夹（请检查上级文件夹是否存在且可写）</translation>
    </message>
    <message>
        <source>%1: the data folder is read-only (TopUp Dashboard needs to write there)</source>
        <translation>%1：数据文件夹为只读（TopUp Dashboard 需要写入该文件夹）</translation>
    </message>
    <message>
        <source>process %1 on %2</source>
        <translation>%2 上的进程 %1</translation>
    </message>
    <message>
        <source>%1: the folder&apos;s path is %2 bytes long, longer than the %3 bytes SQLite can open files under; choose a shorter folder</source>
        <translation>%1：文件夹路径长 %2 字节，超过了 SQLite 能打开文件的 %3 字节上限；请选择更短的文件夹</translation>
    </message>
    <message>
        <source>%1: the path goes round a loop of symbolic links; give --data-dir a real folder</source>
        <translation>%1：该路径陷入了符号链接循环；请为 --data-dir 指定一个真实的文件夹</translation>
    </message>
    <message>
        <source>%1: part of the path is a file, not a folder (give --data-dir another path)</source>
        <translation>%1：路径中有一部分是文件而不是文件夹（请为 --data-dir 指定其他路径）</translation>
    </message>
    <message>
        <source>%1 is a symbolic link to %2, which does not exist; give --data-dir a real folder</source>
        <translation>%1 是指向 %2 的符号链接，而 %2 不存在；请为 --data-dir 指定一个真实的文件夹</translation>
    </message>
    <message>
        <source>%1: cannot lock the data folder (%2)</source>
        <translation>%1：无法锁定数据文件夹（%2）</translation>
    </message>
    <message>
        <source>%1: already in use by another TopUp Dashboard; close it first</source>
        <translation>%1：已被另一个 TopUp Dashboard 使用；请先关闭它</translation>
    </message>
    <message>
        <source>%1: already in use by another TopUp Dashboard (%2); close it first</source>
        <translation>%1：已被另一个 TopUp Dashboard（%2）使用；请先关闭它</translation>
    </message>
    <message>
        <source>No data folder: give --data-dir DIR or set TOPUP_DATA_DIR.</source>
        <translation>没有数据文件夹：请使用 --data-dir DIR 或设置 TOPUP_DATA_DIR。</translation>
    </message>
    <message>
        <source>The data folder&apos;s path is too long (%2 bytes, at most %3): %1. Choose a folder with a shorter path.</source>
        <translation>数据文件夹的路径太长（%2 字节，最多 %3 字节）：%1。请选择路径更短的文件夹。</translation>
    </message>
    <message>
        <source>The data folder %1 is a file, not a folder. Choose a folder instead.</source>
        <translation>数据文件夹 %1 是一个文件，而不是文件夹。请改选一个文件夹。</translation>
    </message>
    <message>
        <source>The data folder %1 goes round a loop of symbolic links. Choose a real folder instead.</source>
        <translation>数据文件夹 %1 陷入了符号链接循环。请改选一个真实的文件夹。</translation>
    </message>
    <message>
        <source>Part of the data folder&apos;s path %1 is a file, not a folder. Choose another folder.</source>
        <translation>数据文件夹路径 %1 中有一部分是文件，而不是文件夹。请选择其他文件夹。</translation>
    </message>
    <message>
        <source>The data folder %1 is a symbolic link to %2, which does not exist. Choose a real folder instead.</source>
        <translation>数据文件夹 %1 是指向 %2 的符号链接，而 %2 不存在。请改选一个真实的文件夹。</translation>
    </message>
    <message>
        <source>The data folder %1 cannot be created. Check that its parent folder exists and that you may write there.</source>
        <translation>无法创建数据文件夹 %1。请检查其上级文件夹是否存在，以及您是否可以在那里写入。</translation>
    </message>
    <message>
        <source>The data folder %1 is read-only. TopUp Dashboard needs to write there: choose another folder or allow writing in this one.</source>
        <translation>数据文件夹 %1 为只读。TopUp Dashboard 需要在那里写入：请选择其他文件夹，或允许写入此文件夹。</translation>
    </message>
    <message>
        <source>The data folder %1 cannot be locked for this program. Try again, or choose another folder.</source>
        <translation>无法为本程序锁定数据文件夹 %1。请重试，或选择其他文件夹。</translation>
    </message>
    <message>
        <source>The system says: %1.</source>
        <translation>系统提示：%1。</translation>
    </message>
    <message>
        <source>The data folder %1 is in use by another TopUp Dashboard. Close that one first.</source>
        <translation>数据文件夹 %1 正被另一个 TopUp Dashboard 使用。请先关闭那一个。</translation>
    </message>
    <message>
        <source>The data folder %1 is in use by another TopUp Dashboard (%2). Close that one first.</source>
        <translation>数据文件夹 %1 正被另一个 TopUp Dashboard 使用（%2）。请先关闭那一个。</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>%1: missing (the %2)</source>
        <translation>%1：缺失（%2）</translation>
    </message>
    <message>
        <source>%1: not a file (the %2 must be a file)</source>
        <translation>%1：不是文件（%2 必须是文件）</translation>
    </message>
    <message>
        <source>%1: not a TopUp database (the file is empty); refused and left untouched</source>
        <translation>%1：不是 TopUp 数据库（文件为空）；已拒绝，文件未被改动</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1：无法读取：%2</translation>
    </message>
    <message>
        <source>%1: not a TopUp database (the file is not SQLite)</source>
        <translation>%1：不是 TopUp 数据库（该文件不是 SQLite 文件）</translation>
    </message>
    <message>
        <source>%1 is read-only (%2): TopUp Dashboard needs to write to it; check its permissions</source>
        <translation>%1 是只读的（%2）：TopUp Dashboard 需要写入该文件；请检查其权限</translation>
    </message>
    <message>
        <source>%1: cannot open: %2</source>
        <translation>%1：无法打开：%2</translation>
    </message>
    <message>
        <source>%1: damaged database (%2)</source>
        <translation>%1：数据库已损坏（%2）</translation>
    </message>
    <message>
        <source>%1: cannot read the schema version: %2</source>
        <translation>%1：无法读取数据结构版本：%2</translation>
    </message>
    <message>
        <source>%1: made by a newer version of TopUp Dashboard (%2 schema %3; this version knows up to %4)</source>
        <translation>%1：由更新版本的 TopUp Dashboard 创建（%2 数据结构 %3；本版本最高支持 %4）</translation>
    </message>
    <message>
        <source>%1: cannot read the list of tables: %2</source>
        <translation>%1：无法读取表的列表：%2</translation>
    </message>
    <message>
        <source>%1: not a TopUp %2 (a SQLite database with other tables); refused and left untouched</source>
        <translation>%1：不是 TopUp 的%2（是包含其他表的 SQLite 数据库）；已拒绝，文件未被改动</translation>
    </message>
    <message>
        <source>%1: not a TopUp %2 (an empty SQLite database); refused and left untouched</source>
        <translation>%1：不是 TopUp 的%2（是空的 SQLite 数据库）；已拒绝，文件未被改动</translation>
    </message>
    <message>
        <source>%1: not a TopUp %2 (its table %3 is missing); refused and left untouched</source>
        <translation>%1：不是 TopUp 的%2（缺少表 %3）；已拒绝，文件未被改动</translation>
    </message>
    <message>
        <source>%1 (while upgrading the %2 to schema %3)</source>
        <translation>%1（将 %2 升级到数据结构 %3 时）</translation>
    </message>
    <message>
        <source>%1: cannot list the tables of %2 schema %3: %4</source>
        <translation>%1：无法列出 %2 第 %3 版结构的表：%4</translation>
    </message>
    <message>
        <source>%1; nothing more is written to it</source>
        <translation>%1；不再向其写入任何内容</translation>
    </message>
    <message>
        <source>%1: Qt&apos;s PostgreSQL driver (QPSQL) is not installed; install libqt6sql6-psql</source>
        <translation>%1：未安装 Qt 的 PostgreSQL 驱动（QPSQL）；请安装 libqt6sql6-psql</translation>
    </message>
    <message>
        <source>%1: cannot connect: %2</source>
        <translation>%1：无法连接：%2</translation>
    </message>
    <message>
        <source>%1: not a TopUp %2 (a PostgreSQL database with other tables); refused and left untouched</source>
        <translation>%1：不是 TopUp 的%2（是包含其他表的 PostgreSQL 数据库）；已拒绝，数据库未被改动</translation>
    </message>
    <message>
        <source>%1: not a TopUp %2 (an empty PostgreSQL database); refused and left untouched</source>
        <translation>%1：不是 TopUp 的%2（是空的 PostgreSQL 数据库）；已拒绝，数据库未被改动</translation>
    </message>
    <message>
        <source>The database says: %1.</source>
        <translation>数据库提示：%1。</translation>
    </message>
    <message>
        <source>The data file %1 could not be read or written.</source>
        <translation>无法读取或写入数据文件 %1。</translation>
    </message>
    <message>
        <source>The database %1 could not be read or written.</source>
        <translation>无法读取或写入数据库 %1。</translation>
    </message>
    <message>
        <source>The data file %1 is damaged; nothing was changed. Put back a copy of it, or move the data folder aside to start fresh.</source>
        <translation>数据文件 %1 已损坏；未做任何更改。请放回它的副本，或将数据文件夹移到一旁以重新开始。</translation>
    </message>
    <message>
        <source>What is wrong: %1.</source>
        <translation>问题所在：%1。</translation>
    </message>
    <message>
        <source>%1 is not a TopUp Dashboard data file; it was left untouched. Choose another data folder, or move the file out of this one.</source>
        <translation>%1 不是 TopUp Dashboard 的数据文件；它保持原样未动。请选择其他数据文件夹，或将该文件移出此文件夹。</translation>
    </message>
    <message>
        <source>The data file %1 cannot be opened or read. Check that you may read it and try again.</source>
        <translation>无法打开或读取数据文件 %1。请检查您是否可以读取它，然后重试。</translation>
    </message>
    <message>
        <source>The data file %1 is missing. Put it back, or move the data folder aside to start fresh.</source>
        <translation>数据文件 %1 不见了。请将它放回，或将数据文件夹移到一旁以重新开始。</translation>
    </message>
    <message>
        <source>The data file %1 was made by a newer version of TopUp Dashboard. Open it with that version.</source>
        <translation>数据文件 %1 由更新版本的 TopUp Dashboard 创建。请用该版本打开它。</translation>
    </message>
    <message>
        <source>The data file %1 is read-only. TopUp Dashboard needs to write to it: check its permissions.</source>
        <translation>数据文件 %1 为只读。TopUp Dashboard 需要写入它：请检查其权限。</translation>
    </message>
    <message>
        <source>The data file %1 was found damaged; nothing more is written to it. Quit and start again to have it checked, or move the data folder aside to start fresh.</source>
        <translation>发现数据文件 %1 已损坏；不再向其写入任何内容。请退出并重新启动以检查它，或将数据文件夹移到一旁以重新开始。</translation>
    </message>
    <message>
        <source>%1 starts at page %2, outside the file&apos;s %3 pages</source>
        <translation>%1 起始于第 %2 页，超出了文件的 %3 页</translation>
    </message>
    <message>
        <source>%1 of %2 schema %3 is missing</source>
        <translation>缺少 %2 第 %3 版结构中的 %1</translation>
    </message>
    <message>
        <source>the file is truncated</source>
        <translation>文件被截断了</translation>
    </message>
    <message>
        <source>its header gives a page size of %1 bytes, which SQLite never writes</source>
        <translation>文件头给出的页大小为 %1 字节，SQLite 从不写入这样的值</translation>
    </message>
    <message>
        <source>its header&apos;s payload fractions are %1, %2 and %3 instead of 64, 32 and 32</source>
        <translation>文件头中的负载比例为 %1、%2 和 %3，而不是 64、32 和 32</translation>
    </message>
    <message>
        <source>the file is truncated: %1 bytes, where its header says %2 pages of %3 bytes</source>
        <translation>文件被截断了：只有 %1 字节，而文件头记载为 %2 页，每页 %3 字节</translation>
    </message>
    <message>
        <source>%1 bytes, more than the %2 pages of %3 bytes its header says</source>
        <translation>%1 字节，多于文件头记载的 %2 页、每页 %3 字节</translation>
    </message>
    <message>
        <source>The world on %1 cannot be opened: Qt&apos;s PostgreSQL driver is not installed on this computer. Install the package libqt6sql6-psql and try again.</source>
        <translation>无法打开 %1 上的世界：这台电脑没有安装 Qt 的 PostgreSQL 驱动。请安装软件包 libqt6sql6-psql，然后重试。</translation>
    </message>
    <message>
        <source>The PostgreSQL server of %1 cannot be reached, or it refused the connection. Check that the server is running and that the database URL names it, its database and your role; a password goes in ~/.pgpass. Then try again.</source>
        <translation>无法连接 %1 的 PostgreSQL 服务器，或它拒绝了连接。请确认服务器正在运行，并且数据库 URL 写明了它、它的数据库和您的角色；密码请放在 ~/.pgpass 中。然后重试。</translation>
    </message>
    <message>
        <source>The server says: %1.</source>
        <translation>服务器提示：%1。</translation>
    </message>
    <message>
        <source>The PostgreSQL database %1 holds rows that no version of TopUp Dashboard writes; nothing was changed. Restore it from a backup, or give the address of another database.</source>
        <translation>PostgreSQL 数据库 %1 中有任何版本的 TopUp Dashboard 都不会写入的行；未做任何更改。请从备份中恢复它，或给出另一个数据库的地址。</translation>
    </message>
    <message>
        <source>The PostgreSQL database %1 is not a TopUp Dashboard database; it was left untouched. Give the address of an empty database, or of one TopUp Dashboard made.</source>
        <translation>PostgreSQL 数据库 %1 不是 TopUp Dashboard 的数据库；它保持原样未动。请给出一个空数据库的地址，或一个由 TopUp Dashboard 创建的数据库的地址。</translation>
    </message>
    <message>
        <source>The PostgreSQL database %1 cannot be read. Check that your role may read it and try again.</source>
        <translation>无法读取 PostgreSQL 数据库 %1。请检查您的角色是否可以读取它，然后重试。</translation>
    </message>
    <message>
        <source>The PostgreSQL database %1 was made by a newer version of TopUp Dashboard. Open it with that version.</source>
        <translation>PostgreSQL 数据库 %1 由更新版本的 TopUp Dashboard 创建。请用该版本打开它。</translation>
    </message>
</context>
<context>
    <name>DatabaseUrl</name>
    <message>
        <source>the database URL&apos;s %1 has a &apos;%&apos; not followed by two hexadecimal digits</source>
        <translation>数据库 URL 的%1中有一个“%”后面没有跟两位十六进制数字</translation>
    </message>
    <message>
        <source>the database URL&apos;s %1 is not UTF-8 once decoded</source>
        <translation>数据库 URL 的%1解码后不是 UTF-8</translation>
    </message>
    <message>
        <source>the database URL&apos;s %1 holds a control character</source>
        <translation>数据库 URL 的%1中含有控制字符</translation>
    </message>
    <message>
        <source>the database URL holds a password, which every user of this machine could read on the command line or in the environment: leave it out and put it in ~/.pgpass or PGPASSWORD instead</source>
        <translation>数据库 URL 中含有密码，本机的每个用户都能在命令行或环境变量中读到它：请去掉密码，改放在 ~/.pgpass 或 PGPASSWORD 中</translation>
    </message>
    <message>
        <source>the database URL is empty; give one such as %1</source>
        <translation>数据库 URL 为空；请给出一个，例如 %1</translation>
    </message>
    <message>
        <source>the database URL must start with postgresql:// (such as %1)</source>
        <translation>数据库 URL 必须以 postgresql:// 开头（例如 %1）</translation>
    </message>
    <message>
        <source>the database URL has a fragment (&apos;#&apos;), which means nothing here; a &apos;#&apos; in a part is written %23</source>
        <translation>数据库 URL 中有片段（“#”），在这里没有意义；某一部分中的“#”应写作 %23</translation>
    </message>
    <message>
        <source>the database URL&apos;s user name before &apos;@&apos; is empty; leave out the &apos;@&apos; for the login name</source>
        <translation>数据库 URL 中“@”前的用户名为空；要使用登录名，请去掉“@”</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>the database URL&apos;s host starts with &apos;[&apos; and has no &apos;]&apos;</source>
        <translation>数据库 URL 的主机以“[”开头，却没有“]”</translation>
    </message>
    <message>
        <source>the database URL has something other than :PORT after the host&apos;s &apos;]&apos;</source>
        <translation>数据库 URL 中主机的“]”之后不是 :端口</translation>
    </message>
    <message>
        <source>the database URL&apos;s port after &apos;:&apos; is empty</source>
        <translation>数据库 URL 中“:”后的端口为空</translation>
    </message>
    <message>
        <source>the database URL names several hosts; give one</source>
        <translation>数据库 URL 指定了多个主机；请只给一个</translation>
    </message>
    <message>
        <source>the database URL&apos;s port must be a whole number from 1 to 65535</source>
        <translation>数据库 URL 的端口必须是 1 到 65535 之间的整数</translation>
    </message>
    <message>
        <source>host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>the database URL names no database; end it with /DBNAME (such as %1)</source>
        <translation>数据库 URL 没有指定数据库；请以 /数据库名 结尾（例如 %1）</translation>
    </message>
    <message>
        <source>database name</source>
        <translation>数据库名</translation>
    </message>
    <message>
        <source>the database URL&apos;s database name holds a &apos;/&apos;; a database name is one word after the host</source>
        <translation>数据库 URL 的数据库名中含有“/”；数据库名是主机之后的一个词</translation>
    </message>
    <message>
        <source>the database URL has an empty parameter (&quot;&amp;&amp;&quot;, a lone &apos;=&apos; or a trailing &apos;?&apos; or &apos;&amp;&apos;)</source>
        <translation>数据库 URL 中有空参数（“&amp;&amp;”、单独的“=”或末尾的“?”或“&amp;”）</translation>
    </message>
    <message>
        <source>the database URL has the parameter &quot;%1&quot;, which TopUp does not know (it knows host and sslmode)</source>
        <translation>数据库 URL 中有参数“%1”，TopUp 不认识它（只认识 host 和 sslmode）</translation>
    </message>
    <message>
        <source>the database URL gives the parameter %1 twice; give it once</source>
        <translation>数据库 URL 两次给出参数 %1；请只给一次</translation>
    </message>
    <message>
        <source>the database URL&apos;s parameter %1 has no value</source>
        <translation>数据库 URL 的参数 %1 没有值</translation>
    </message>
    <message>
        <source>the database URL gives the host twice, before the database name and as ?host=; give it once</source>
        <translation>数据库 URL 两次给出主机：在数据库名之前和 ?host= 中；请只给一次</translation>
    </message>
    <message>
        <source>the database URL&apos;s sslmode must be disable, allow, prefer, require, verify-ca or verify-full (got &quot;%1&quot;)</source>
        <translation>数据库 URL 的 sslmode 必须是 disable、allow、prefer、require、verify-ca 或 verify-full（输入为“%1”）</translation>
    </message>
</context>
<context>
    <name>DemoWorld</name>
    <message>
        <source>%1 already holds accounts: the demo needs a new data folder (--data-dir)</source>
        <translation>%1 中已有账户：演示需要一个新的数据文件夹（--data-dir）</translation>
    </message>
    <message>
        <source>%1 already holds a world: the demo needs a new data folder (--data-dir)</source>
        <translation>%1 中已有一个世界：演示需要一个新的数据文件夹（--data-dir）</translation>
    </message>
    <message>
        <source>%1: cannot create %2 for the demo</source>
        <translation>%1：无法为演示创建 %2</translation>
    </message>
    <message>
        <source>Home phone</source>
        <translation>家用手机</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>德国</translation>
    </message>
    <message>
        <source>Japan travel eSIM</source>
        <translation>日本旅行 eSIM</translation>
    </message>
    <message>
        <source>Japan</source>
        <translation>日本</translation>
    </message>
    <message>
        <source>EU tablet</source>
        <translation>欧盟平板</translation>
    </message>
    <message>
        <source>European Union</source>
        <translation>欧盟</translation>
    </message>
    <message>
        <source>the demo needs a date from 2000 to %1 in %2, the demo account&apos;s time zone: its cards&apos; expiry is written MM/YY (read as 20YY) and the Visa runs %3 more years; got %4 there (%5)</source>
        <translation>演示需要演示账户所在时区 %2 中 2000 年到 %1 年之间的日期：其银行卡有效期写作 MM/YY（按 20YY 读取），且 Visa 卡还有 %3 年有效期；收到的是该时区的 %4（%5）</translation>
    </message>
    <message>
        <source>%1: the demo is built in a new data folder and moved in whole; a world on PostgreSQL starts empty (sign up in topup-dashboard --database URL)</source>
        <translation>%1：演示世界在新的数据文件夹中构建并整体移入；PostgreSQL 上的世界从空开始（请在 topup-dashboard --database URL 中注册）</translation>
    </message>
    <message>
        <source>The demo needs a date from 2000 to %1 in %2, the demo account&apos;s time zone: its cards&apos; expiry is written MM/YY (read as 20YY) and the Visa runs %3 more years; it is %4 there (%5).</source>
        <translation>演示需要演示账户所在时区 %2 中 2000 年到 %1 年之间的日期：其银行卡有效期写作 MM/YY（按 20YY 读取），且 Visa 卡还有 %3 年有效期；该时区现在是 %4（%5）。</translation>
    </message>
</context>
<context>
    <name>DryRun</name>
    <message>
        <source>no such line</source>
        <translation>线路不存在</translation>
    </message>
    <message>
        <source>the rules cannot be run ahead: %1</source>
        <translation>无法提前推演规则：%1</translation>
    </message>
    <message>
        <source>No such line.</source>
        <translation>线路不存在。</translation>
    </message>
    <message>
        <source>The rules cannot be run ahead: %1.</source>
        <translation>无法提前推演规则：%1。</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>funds of method &quot;%1&quot; would exceed the largest amount (%2)</source>
        <translation>付款方式“%1”的余额将超过最大金额（%2）</translation>
    </message>
    <message>
        <source>unserved data of line &quot;%1&quot; would exceed the largest amount (%2 B)</source>
        <translation>线路“%1”未满足的流量将超过最大值（%2 B）</translation>
    </message>
    <message>
        <source>unserved voice of line &quot;%1&quot; would exceed the largest amount (%2 s)</source>
        <translation>线路“%1”未满足的通话时长将超过最大值（%2 s）</translation>
    </message>
    <message>
        <source>the run makes more than %1 top-up attempts, the limit for one run; shorten start..end</source>
        <translation>本次运行产生的充值尝试超过 %1 次，即单次运行的上限；请缩短 start..end</translation>
    </message>
    <message>
        <source>data balance of line &quot;%1&quot; would exceed the largest amount (%2 B)</source>
        <translation>线路“%1”的流量余额将超过最大值（%2 B）</translation>
    </message>
    <message>
        <source>voice balance of line &quot;%1&quot; would exceed the largest amount (%2 s)</source>
        <translation>线路“%1”的通话余额将超过最大值（%2 s）</translation>
    </message>
    <message>
        <source>manual spend of line &quot;%1&quot; in %2 would exceed the largest amount (%3)</source>
        <translation>线路“%1”在 %2 的手动充值花费将超过最大金额（%3）</translation>
    </message>
    <message>
        <source>auto spend of line &quot;%1&quot; in %2 would exceed the largest amount (%3)</source>
        <translation>线路“%1”在 %2 的自动充值花费将超过最大金额（%3）</translation>
    </message>
    <message>
        <source>the account&apos;s auto spend in %1 would exceed the largest amount (%2)</source>
        <translation>账户在 %1 的自动充值花费将超过最大金额（%2）</translation>
    </message>
    <message>
        <source>the top-up %1 at %2: %3</source>
        <translation>充值 %1（%2）：%3</translation>
    </message>
</context>
<context>
    <name>HoursRow</name>
    <message>
        <source>the row holds no hours</source>
        <translation>该行不含任何小时</translation>
    </message>
    <message>
        <source>hour %1 of the row is not &quot;hour,bytes,seconds&quot; (the text reads &quot;%2&quot;)</source>
        <translation>该行的第 %1 个小时不是“小时,字节,秒”（文本为“%2”）</translation>
    </message>
    <message>
        <source>hour %1 of the row is hour %2 of its day, not one of 0 to 23</source>
        <translation>该行的第 %1 个小时是当天的第 %2 小时，不在 0 到 23 之间</translation>
    </message>
    <message>
        <source>hour %1 of the row is hour %2 of its day, not after the one before it</source>
        <translation>该行的第 %1 个小时是当天的第 %2 小时，未排在前一个小时之后</translation>
    </message>
    <message>
        <source>the row&apos;s hours end with &quot;;&quot;</source>
        <translation>该行的小时以“;”结尾</translation>
    </message>
</context>
<context>
    <name>Instant</name>
    <message>
        <source>not an instant (expected YYYY-MM-DDTHH:MM:SS with Z or ±HH:MM, got &quot;%1&quot;)</source>
        <translation>不是时间点（应为 YYYY-MM-DDTHH:MM:SS 加 Z 或 ±HH:MM，输入为“%1”）</translation>
    </message>
    <message>
        <source>more than 3 decimals in the seconds of &quot;%1&quot;</source>
        <translation>“%1”的秒数小数超过 3 位</translation>
    </message>
    <message>
        <source>UTC offset out of range (at most ±18:00) in &quot;%1&quot;</source>
        <translation>“%1”中的 UTC 偏移超出范围（最多 ±18:00）</translation>
    </message>
    <message>
        <source>no such date in &quot;%1&quot;</source>
        <translation>“%1”中的日期不存在</translation>
    </message>
    <message>
        <source>no such time of day in &quot;%1&quot;</source>
        <translation>“%1”中的时刻不存在</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is outside the years 0001 to 9999 in UTC</source>
        <translation>“%1”超出了 UTC 0001 年到 9999 年的范围</translation>
    </message>
</context>
<context>
    <name>JournalGateway</name>
    <message>
        <source>no such payment account at the provider</source>
        <translation>支付服务商处没有该付款账户</translation>
    </message>
    <message>
        <source>the deposit of %1 would take the funds past the largest amount the provider keeps (%2); nothing was deposited</source>
        <translation>存入 %1 会使余额超过支付服务商可保存的最大金额（%2）；未存入任何款项</translation>
    </message>
    <message>
        <source>a queued fault has an unknown reason &quot;%1&quot;</source>
        <translation>一个排队的故障的原因“%1”未知</translation>
    </message>
    <message>
        <source>queued fault %1 has an unknown reason &quot;%2&quot;</source>
        <translation>排队的故障 %1 的原因“%2”未知</translation>
    </message>
    <message>
        <source>The provider holds no payment account for this method.</source>
        <translation>服务商没有此付款方式的付款账户。</translation>
    </message>
    <message>
        <source>The payment journal %1 holds a failure queued for a payment method with an unknown reason (&quot;%2&quot;): it is damaged or was written by a newer version. Open it with the version that wrote it, or move the data folder aside to start fresh.</source>
        <translation>支付日志 %1 中有一个为付款方式排队的失败，其原因未知（“%2”）：该文件已损坏，或由更新的版本写入。请用写入它的版本打开，或将数据文件夹移到一旁以重新开始。</translation>
    </message>
    <message>
        <source>The deposit of %1 would take the funds past the largest amount the provider keeps (%2); nothing was deposited.</source>
        <translation>存入 %1 会使余额超过服务商可保存的最大金额（%2）；未存入任何款项。</translation>
    </message>
</context>
<context>
    <name>JournalQuiet</name>
    <message>
        <source>%1: a desktop that stopped while charging still has a payment being written to the provider&apos;s journal %2 (waited %3 s); try again in a moment</source>
        <translation>%1：一台在扣款时停止的桌面仍有一笔付款正在写入服务商的日志 %2（已等待 %3 秒）；请稍后再试</translation>
    </message>
    <message>
        <source>A desktop that stopped while charging still has a payment being written to the provider&apos;s journal; nothing was changed. Try again in a moment.</source>
        <translation>一台在扣款时停止的桌面仍有一笔付款正在写入服务商的日志；未做任何更改。请稍后再试。</translation>
    </message>
</context>
<context>
    <name>JsonFields</name>
    <message>
        <source>a boolean</source>
        <translation>布尔值</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>数组</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>空值</translation>
    </message>
    <message>
        <source>missing (required)</source>
        <translation>缺失（必填）</translation>
    </message>
    <message>
        <source>must be a string, not %1</source>
        <translation>必须是字符串，而不是%1</translation>
    </message>
    <message>
        <source>must be true or false, not %1</source>
        <translation>必须是 true 或 false，而不是%1</translation>
    </message>
    <message>
        <source>must be a whole number, not %1</source>
        <translation>必须是整数，而不是%1</translation>
    </message>
    <message>
        <source>must be a whole number (got %1)</source>
        <translation>必须是整数（输入为 %1）</translation>
    </message>
    <message>
        <source>must be at least %1 (got %2)</source>
        <translation>必须至少为 %1（输入为 %2）</translation>
    </message>
    <message>
        <source>must be between %1 and %2 (got %3)</source>
        <translation>必须在 %1 和 %2 之间（输入为 %3）</translation>
    </message>
    <message>
        <source>must be an array, not %1</source>
        <translation>必须是数组，而不是%1</translation>
    </message>
    <message>
        <source>must be an object, not %1</source>
        <translation>必须是对象，而不是%1</translation>
    </message>
    <message>
        <source>unknown %1 &quot;%2&quot;</source>
        <translation>未知的%1“%2”</translation>
    </message>
    <message>
        <source>unknown key</source>
        <translation>未知的键</translation>
    </message>
    <message>
        <source>unknown key (did you mean &quot;%1&quot;?)</source>
        <translation>未知的键（是否想输入“%1”？）</translation>
    </message>
</context>
<context>
    <name>LineName</name>
    <message>
        <source>a line needs a name</source>
        <translation>线路需要一个名称</translation>
    </message>
    <message>
        <source>a line&apos;s name is at most %1 characters</source>
        <translation>线路名称最多 %1 个字符</translation>
    </message>
    <message>
        <source>the line&apos;s name %1</source>
        <extracomment>%1 says what the name holds and what to do, e.g. &quot;holds an invisible control character (U+0007) at character 3; remove it&quot;</extracomment>
        <translation>线路名称%1</translation>
    </message>
    <message>
        <source>A line needs a name.</source>
        <translation>线路需要一个名称。</translation>
    </message>
    <message>
        <source>A line&apos;s name is at most %1 characters.</source>
        <translation>线路名称最多 %1 个字符。</translation>
    </message>
    <message>
        <source>The line&apos;s name %1.</source>
        <translation>线路名称%1。</translation>
    </message>
</context>
<context>
    <name>LinePurchase</name>
    <message>
        <source>the carrier&apos;s catalog is not priced in %1, the account&apos;s currency</source>
        <translation>运营商的套餐目录没有以账户货币 %1 定价</translation>
    </message>
    <message>
        <source>the carrier sells no lines for &quot;%1&quot;; choose a country or region from its catalog</source>
        <translation>运营商不销售“%1”的线路；请从其目录中选择国家或地区</translation>
    </message>
    <message>
        <source>package &quot;%1&quot; is not sold for %2</source>
        <translation>套餐“%1”不在 %2 销售</translation>
    </message>
    <message>
        <source>%1 expired at the end of %2; choose another method</source>
        <extracomment>%1 is the payment method (&quot;Visa •••• 4242&quot;), %2 its expiry month</extracomment>
        <translation>%1 已于 %2 月底过期；请选择其他付款方式</translation>
    </message>
    <message>
        <source>The carrier&apos;s catalog is not priced in %1, the account&apos;s currency.</source>
        <translation>运营商的套餐目录没有以账户货币 %1 定价。</translation>
    </message>
    <message>
        <source>The carrier sells no lines for &quot;%1&quot;; choose a country or region from its catalog.</source>
        <translation>运营商不销售“%1”的线路；请从其目录中选择国家或地区。</translation>
    </message>
    <message>
        <source>Package &quot;%1&quot; is not sold for %2.</source>
        <translation>套餐“%1”不在 %2 销售。</translation>
    </message>
    <message>
        <source>%1 expired at the end of %2; choose another method.</source>
        <translation>%1 已于 %2 月底过期；请选择其他付款方式。</translation>
    </message>
</context>
<context>
    <name>LineStore</name>
    <message>
        <source>no such line</source>
        <translation>线路不存在</translation>
    </message>
    <message>
        <source>this card expired at the end of %1; choose another method</source>
        <translation>此卡已于 %1 月底过期；请选择其他付款方式</translation>
    </message>
    <message>
        <source>line %1 in the store has rules that are not a JSON object (%2)</source>
        <translation>存储中线路 %1 的规则不是 JSON 对象（%2）</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>不是对象</translation>
    </message>
    <message>
        <source>line %1 in the store has rules that cannot be read: %2: %3</source>
        <translation>存储中线路 %1 的规则无法读取：%2：%3</translation>
    </message>
    <message>
        <source>This card expired at the end of %1; choose another method.</source>
        <translation>此卡已于 %1 月底过期；请选择其他付款方式。</translation>
    </message>
    <message>
        <source>No such line.</source>
        <translation>线路不存在。</translation>
    </message>
</context>
<context>
    <name>LoginId</name>
    <message>
        <source>the part after &apos;@&apos; is empty; it should be a domain such as example.com</source>
        <translation>“@”后面为空，应为域名，例如 example.com</translation>
    </message>
    <message>
        <source>the domain &quot;%1&quot; needs at least one dot, e.g. example.com</source>
        <translation>域名“%1”至少需要一个点，例如 example.com</translation>
    </message>
    <message>
        <source>the domain &quot;%1&quot; is not valid: each part between dots is 1 to 63 letters, digits or hyphens, and does not start or end with a hyphen</source>
        <translation>域名“%1”无效：点与点之间的每一段须为 1 至 63 个字母、数字或连字符，且不能以连字符开头或结尾</translation>
    </message>
    <message>
        <source>the domain &quot;%1&quot; must end in at least two letters, e.g. .com</source>
        <translation>域名“%1”必须以至少两个字母结尾，例如 .com</translation>
    </message>
    <message>
        <source>a phone number may contain only digits, spaces, dashes and parentheses after the &apos;+&apos;</source>
        <translation>手机号码在“+”之后只能包含数字、空格、短横线和括号</translation>
    </message>
    <message>
        <source>a phone number in international format has %1 to %2 digits after the &apos;+&apos; (got %3), e.g. +8613800138000</source>
        <translation>国际格式的手机号码在“+”之后有 %1 至 %2 位数字（输入了 %3 位），例如 +8613800138000</translation>
    </message>
    <message>
        <source>a country code does not start with 0; write the number in international format, e.g. +8613800138000</source>
        <translation>国家代码不以 0 开头；请使用国际格式，例如 +8613800138000</translation>
    </message>
    <message>
        <source>an e-mail address has exactly one &apos;@&apos;</source>
        <translation>电子邮件地址必须恰好包含一个“@”</translation>
    </message>
    <message>
        <source>the part before &apos;@&apos; is empty</source>
        <translation>“@”前面为空</translation>
    </message>
    <message>
        <source>the part before &apos;@&apos; has at most %1 characters (got %2)</source>
        <translation>“@”前面最多 %1 个字符（输入了 %2 个）</translation>
    </message>
    <message>
        <source>the part before &apos;@&apos; may hold letters, digits, dots (not first, last or twice in a row) and the symbols ! # $ % &amp; &apos; * + - / = ? ^ _ ` { | } ~ only</source>
        <translation>“@”前面只能包含字母、数字、点（不能在开头或结尾，也不能连续两个）以及符号 ! # $ % &amp; &apos; * + - / = ? ^ _ ` { | } ~</translation>
    </message>
    <message>
        <source>an e-mail address has at most %1 characters (got %2)</source>
        <translation>电子邮件地址最多 %1 个字符（输入了 %2 个）</translation>
    </message>
    <message>
        <source>not an e-mail address or a phone number in international format, e.g. +8613800138000</source>
        <translation>不是电子邮件地址或国际格式的手机号码，例如 +8613800138000</translation>
    </message>
    <message>
        <source>The part after &apos;@&apos; is empty; it should be a domain such as example.com.</source>
        <translation>“@”后面为空，应为域名，例如 example.com。</translation>
    </message>
    <message>
        <source>The domain &quot;%1&quot; needs at least one dot, e.g. example.com.</source>
        <translation>域名“%1”至少需要一个点，例如 example.com。</translation>
    </message>
    <message>
        <source>The domain &quot;%1&quot; is not valid: each part between dots is 1 to 63 letters, digits or hyphens, and does not start or end with a hyphen.</source>
        <translation>域名“%1”无效：点与点之间的每一段须为 1 至 63 个字母、数字或连字符，且不能以连字符开头或结尾。</translation>
    </message>
    <message>
        <source>The domain &quot;%1&quot; must end in at least two letters, e.g. .com.</source>
        <translation>域名“%1”必须以至少两个字母结尾，例如 .com。</translation>
    </message>
    <message>
        <source>A phone number may contain only digits, spaces, dashes and parentheses after the &apos;+&apos;.</source>
        <translation>手机号码在“+”之后只能包含数字、空格、短横线和括号。</translation>
    </message>
    <message>
        <source>A phone number in international format has %1 to %2 digits after the &apos;+&apos; (got %3), e.g. +8613800138000.</source>
        <translation>国际格式的手机号码在“+”之后有 %1 至 %2 位数字（输入了 %3 位），例如 +8613800138000。</translation>
    </message>
    <message>
        <source>A country code does not start with 0; write the number in international format, e.g. +8613800138000.</source>
        <translation>国家代码不以 0 开头；请使用国际格式，例如 +8613800138000。</translation>
    </message>
    <message>
        <source>An e-mail address has exactly one &apos;@&apos;.</source>
        <translation>电子邮件地址必须恰好包含一个“@”。</translation>
    </message>
    <message>
        <source>The part before &apos;@&apos; is empty.</source>
        <translation>“@”前面为空。</translation>
    </message>
    <message>
        <source>The part before &apos;@&apos; has at most %1 characters (got %2).</source>
        <translation>“@”前面最多 %1 个字符（输入了 %2 个）。</translation>
    </message>
    <message>
        <source>The part before &apos;@&apos; may hold letters, digits, dots (not first, last or twice in a row) and the symbols ! # $ % &amp; &apos; * + - / = ? ^ _ ` { | } ~ only.</source>
        <translation>“@”前面只能包含字母、数字、点（不能在开头或结尾，也不能连续两个）以及符号 ! # $ % &amp; &apos; * + - / = ? ^ _ ` { | } ~。</translation>
    </message>
    <message>
        <source>An e-mail address has at most %1 characters (got %2).</source>
        <translation>电子邮件地址最多 %1 个字符（输入了 %2 个）。</translation>
    </message>
    <message>
        <source>Not an e-mail address or a phone number in international format, e.g. +8613800138000.</source>
        <translation>不是电子邮件地址或国际格式的手机号码，例如 +8613800138000。</translation>
    </message>
</context>
<context>
    <name>ManualTopUp</name>
    <message>
        <source>no such line or package</source>
        <translation>线路或套餐不存在</translation>
    </message>
    <message>
        <source>the data balance of line &quot;%1&quot; would exceed the largest amount; nothing was charged</source>
        <translation>线路“%1”的流量余额将超过最大值；未扣款</translation>
    </message>
    <message>
        <source>the voice balance of line &quot;%1&quot; would exceed the largest amount; nothing was charged</source>
        <translation>线路“%1”的通话余额将超过最大值；未扣款</translation>
    </message>
    <message>
        <source>no such line</source>
        <translation>线路不存在</translation>
    </message>
    <message>
        <source>that package is not sold for this line&apos;s region</source>
        <translation>该套餐不在此线路的地区销售</translation>
    </message>
    <message>
        <source>No such line or package.</source>
        <translation>线路或套餐不存在。</translation>
    </message>
    <message>
        <source>The data balance of line &quot;%1&quot; would exceed the largest amount; nothing was charged.</source>
        <translation>线路“%1”的流量余额将超过最大值；未扣款。</translation>
    </message>
    <message>
        <source>The voice balance of line &quot;%1&quot; would exceed the largest amount; nothing was charged.</source>
        <translation>线路“%1”的通话余额将超过最大值；未扣款。</translation>
    </message>
    <message>
        <source>That package is not sold for this line&apos;s region.</source>
        <translation>该套餐不在此线路的地区销售。</translation>
    </message>
    <message>
        <source>No such line.</source>
        <translation>线路不存在。</translation>
    </message>
</context>
<context>
    <name>MethodRecord</name>
    <message>
        <source>PayPal %1</source>
        <translation>PayPal %1</translation>
    </message>
    <message>
        <source>%1 •••• %2</source>
        <translation>%1 •••• %2</translation>
    </message>
    <message>
        <source>credit</source>
        <translation>信用卡</translation>
    </message>
    <message>
        <source>debit</source>
        <translation>借记卡</translation>
    </message>
    <message>
        <source>wallet</source>
        <translation>钱包</translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation>无有效期</translation>
    </message>
    <message>
        <source>exp. %1/%2</source>
        <extracomment>A card&apos;s expiry as printed on it, e.g. &quot;exp. 09/31&quot;</extracomment>
        <translation>有效期 %1/%2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>A payment method and what tells it apart from another that looks alike, e.g. &quot;Visa •••• 1111 (debit)&quot;</extracomment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>no. %1</source>
        <extracomment>Payment methods alike in every way are numbered in the order they were added: &quot;no. 2&quot;</extracomment>
        <translation>第 %1 张</translation>
    </message>
    <message>
        <source>, </source>
        <extracomment>Separates what tells a payment method apart: &quot;credit, exp. 09/31&quot;</extracomment>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>MethodStore</name>
    <message>
        <source>a wallet is not a card</source>
        <translation>钱包不是银行卡</translation>
    </message>
    <message>
        <source>the card holder&apos;s name is missing</source>
        <translation>缺少持卡人姓名</translation>
    </message>
    <message>
        <source>the card holder&apos;s name is longer than 100 characters</source>
        <translation>持卡人姓名超过 100 个字符</translation>
    </message>
    <message>
        <source>no such payment method</source>
        <translation>付款方式不存在</translation>
    </message>
    <message>
        <source>a deposit must be more than zero</source>
        <translation>充入金额必须大于零</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 is the payment method (&quot;Visa •••• 4242&quot;), %2 why the provider refused the deposit</extracomment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>this method pays the auto top-ups of %1; choose another method there first</source>
        <translation>此付款方式用于 %1 的自动充值；请先在那里选择其他付款方式</translation>
    </message>
    <message>
        <source>the card holder&apos;s name %1</source>
        <extracomment>%1 says what the name holds and what to do, e.g. &quot;holds an invisible control character (U+0007) at character 3; remove it&quot;</extracomment>
        <translation>持卡人姓名%1</translation>
    </message>
    <message>
        <source>The card holder&apos;s name %1.</source>
        <translation>持卡人姓名%1。</translation>
    </message>
    <message>
        <source>The card holder&apos;s name is missing.</source>
        <translation>缺少持卡人姓名。</translation>
    </message>
    <message>
        <source>The card holder&apos;s name is longer than 100 characters.</source>
        <translation>持卡人姓名超过 100 个字符。</translation>
    </message>
    <message>
        <source>A deposit must be more than zero.</source>
        <translation>充入金额必须大于零。</translation>
    </message>
    <message>
        <source>This method pays the auto top-ups of %1; choose another method there first.</source>
        <translation>此付款方式用于 %1 的自动充值；请先在那里选择其他付款方式。</translation>
    </message>
    <message>
        <source>No such payment method.</source>
        <translation>付款方式不存在。</translation>
    </message>
    <message>
        <source>A wallet is not a card.</source>
        <translation>钱包不是银行卡。</translation>
    </message>
    <message>
        <source>%1 cannot take the deposit.</source>
        <extracomment>%1 is the payment method (&quot;Visa •••• 4242&quot;); the provider&apos;s own sentences follow</extracomment>
        <translation>%1 无法接受这笔存款。</translation>
    </message>
</context>
<context>
    <name>Money</name>
    <message>
        <source>not an amount of money (empty)</source>
        <translation>不是金额（为空）</translation>
    </message>
    <message>
        <source>must not be negative (got &quot;%1&quot;)</source>
        <translation>不能为负数（输入为“%1”）</translation>
    </message>
    <message>
        <source>not an amount of money (got &quot;%1&quot;)</source>
        <translation>不是金额（输入为“%1”）</translation>
    </message>
    <message>
        <source>more than 2 decimals (got &quot;%1&quot;)</source>
        <translation>小数超过 2 位（输入为“%1”）</translation>
    </message>
    <message>
        <source>too large (got &quot;%1&quot;)</source>
        <translation>数值过大（输入为“%1”）</translation>
    </message>
</context>
<context>
    <name>OutlookBuilder</name>
    <message>
        <source>a preview covers 1 to %1 days (asked for %2)</source>
        <translation>预览范围为 1 到 %1 天（请求的是 %2 天）</translation>
    </message>
    <message>
        <source>A preview covers 1 to %1 days (asked for %2).</source>
        <translation>预览范围为 1 到 %1 天（请求的是 %2 天）。</translation>
    </message>
</context>
<context>
    <name>PackageCatalog</name>
    <message>
        <source>1 GB data</source>
        <translation>1 GB 流量</translation>
    </message>
    <message>
        <source>5 GB data</source>
        <translation>5 GB 流量</translation>
    </message>
    <message>
        <source>20 GB data</source>
        <translation>20 GB 流量</translation>
    </message>
    <message>
        <source>100 minutes</source>
        <translation>100 分钟通话</translation>
    </message>
    <message>
        <source>10 GB + 300 minutes</source>
        <translation>10 GB 流量 + 300 分钟通话</translation>
    </message>
    <message>
        <source>3 GB data</source>
        <translation>3 GB 流量</translation>
    </message>
    <message>
        <source>10 GB data</source>
        <translation>10 GB 流量</translation>
    </message>
    <message>
        <source>5 GB + 100 minutes</source>
        <translation>5 GB 流量 + 100 分钟通话</translation>
    </message>
</context>
<context>
    <name>PasswordPolicy</name>
    <message>
        <source>a password needs at least %1 characters (this one has %2)</source>
        <translation>密码至少需要 %1 个字符（当前为 %2 个）</translation>
    </message>
    <message>
        <source>a password must not be your e-mail address or phone number</source>
        <translation>密码不能是您的电子邮件地址或手机号码</translation>
    </message>
    <message>
        <source>this password is one of the most commonly used ones and easy to guess; choose another</source>
        <translation>这是最常用的密码之一，很容易被猜到，请换一个</translation>
    </message>
    <message>
        <source>A password needs at least %1 characters (this one has %2).</source>
        <translation>密码至少需要 %1 个字符（当前为 %2 个）。</translation>
    </message>
    <message>
        <source>A password must not be your e-mail address or phone number.</source>
        <translation>密码不能是您的电子邮件地址或手机号码。</translation>
    </message>
    <message>
        <source>This password is one of the most commonly used ones and easy to guess; choose another.</source>
        <translation>这是最常用的密码之一，很容易被猜到，请换一个。</translation>
    </message>
</context>
<context>
    <name>PaymentChoices</name>
    <message>
        <source>%1 (expired)</source>
        <extracomment>A card the saved rules name, past its expiry month</extracomment>
        <translation>%1（已过期）</translation>
    </message>
</context>
<context>
    <name>PolicyFormReader</name>
    <message>
        <source>This is at or above what %1 adds (%2): a top-up leaves the line still below it, so it tops up again and again; the preview shows the burst.</source>
        <translation>该值不低于 %1 所增加的量（%2）：充值后线路仍低于此值，因此会一次又一次地充值；预览中可以看到这一连串充值。</translation>
    </message>
    <message>
        <source>Enter the amount that starts a top-up.</source>
        <translation>请输入触发充值的数量。</translation>
    </message>
    <message>
        <source>Enter a day from 1 to 31 (got &quot;%1&quot;).</source>
        <translation>请输入 1 到 31 之间的日期（输入的是“%1”）。</translation>
    </message>
    <message>
        <source>Enter an amount like 20.00, or nothing for no limit (got &quot;%1&quot;).</source>
        <translation>请输入金额，例如 20.00；留空表示不限（输入的是“%1”）。</translation>
    </message>
    <message>
        <source>Far too many top-ups a month (got &quot;%1&quot;).</source>
        <translation>每月充值次数过多（输入的是“%1”）。</translation>
    </message>
    <message>
        <source>Enter a whole number of top-ups, like 3, or nothing for no limit (got &quot;%1&quot;).</source>
        <translation>请输入充值次数的整数，例如 3；留空表示不限（输入的是“%1”）。</translation>
    </message>
</context>
<context>
    <name>PolicyJson</name>
    <message>
        <source>must be a local time HH:MM, 00:00 to 23:59 (got &quot;%1&quot;)</source>
        <translation>必须是本地时间 HH:MM，范围 00:00 至 23:59（输入为“%1”）</translation>
    </message>
    <message>
        <source>must be &quot;data&quot; or &quot;voice&quot; (got &quot;%1&quot;)</source>
        <translation>必须是“data”或“voice”（输入为“%1”）</translation>
    </message>
    <message>
        <source>package</source>
        <translation>套餐</translation>
    </message>
    <message>
        <source>method</source>
        <translation>付款方式</translation>
    </message>
</context>
<context>
    <name>PolicyRules</name>
    <message>
        <source>must be more than zero</source>
        <translation>必须大于零</translation>
    </message>
    <message>
        <source>package &quot;%1&quot; adds no data, so it can never lift a data threshold</source>
        <translation>套餐“%1”不含流量，无法让流量回到阈值以上</translation>
    </message>
    <message>
        <source>package &quot;%1&quot; adds no voice, so it can never lift a voice threshold</source>
        <translation>套餐“%1”不含通话时长，无法让通话时长回到阈值以上</translation>
    </message>
    <message>
        <source>must be between 1 and 31 (got %1)</source>
        <translation>必须在 1 到 31 之间（收到 %1）</translation>
    </message>
    <message>
        <source>must be a local time from 00:00 to 23:59</source>
        <translation>必须是 00:00 到 23:59 之间的本地时间</translation>
    </message>
    <message>
        <source>must be between 1 and %1 (got %2)</source>
        <translation>必须在 1 到 %1 之间（收到 %2）</translation>
    </message>
    <message>
        <source>missing (required when the policy is enabled)</source>
        <translation>缺失（启用规则时必填）</translation>
    </message>
    <message>
        <source>must differ from method</source>
        <translation>必须与主付款方式不同</translation>
    </message>
    <message>
        <source>an enabled policy needs a threshold or a monthly trigger</source>
        <translation>启用的规则需要一个阈值触发或每月触发</translation>
    </message>
    <message>
        <source>unknown package &quot;%1&quot;</source>
        <translation>未知的套餐“%1”</translation>
    </message>
    <message>
        <source>unknown method &quot;%1&quot;</source>
        <translation>未知的付款方式“%1”</translation>
    </message>
    <message>
        <source>Must be more than zero.</source>
        <translation>必须大于零。</translation>
    </message>
    <message>
        <source>Package &quot;%1&quot; adds no data, so it can never lift a data threshold.</source>
        <translation>套餐“%1”不含流量，无法让流量回到阈值以上。</translation>
    </message>
    <message>
        <source>Package &quot;%1&quot; adds no voice, so it can never lift a voice threshold.</source>
        <translation>套餐“%1”不含通话时长，无法让通话时长回到阈值以上。</translation>
    </message>
    <message>
        <source>Must be between 1 and 31 (got %1).</source>
        <translation>必须在 1 到 31 之间（收到 %1）。</translation>
    </message>
    <message>
        <source>Must be a local time from 00:00 to 23:59.</source>
        <translation>必须是 00:00 到 23:59 之间的本地时间。</translation>
    </message>
    <message>
        <source>Must be between 1 and %1 (got %2).</source>
        <translation>必须在 1 到 %1 之间（收到 %2）。</translation>
    </message>
    <message>
        <source>Missing (required when the policy is enabled).</source>
        <translation>缺失（启用规则时必填）。</translation>
    </message>
    <message>
        <source>Must differ from the method.</source>
        <translation>必须与主付款方式不同。</translation>
    </message>
    <message>
        <source>An enabled policy needs a threshold or a monthly trigger.</source>
        <translation>启用的规则需要一个阈值触发或每月触发。</translation>
    </message>
    <message>
        <source>Unknown package &quot;%1&quot;.</source>
        <translation>未知的套餐“%1”。</translation>
    </message>
    <message>
        <source>Unknown method &quot;%1&quot;.</source>
        <translation>未知的付款方式“%1”。</translation>
    </message>
</context>
<context>
    <name>PrintableText</name>
    <message>
        <source>holds a text direction control (%1) at character %2, which would change how the text reads; remove it</source>
        <translation>第 %2 个字符是文字方向控制符（%1），会改变文字的阅读方式；请删除它</translation>
    </message>
    <message>
        <source>holds an invisible control character (%1) at character %2; remove it</source>
        <translation>第 %2 个字符是不可见的控制字符（%1）；请删除它</translation>
    </message>
</context>
<context>
    <name>Quantity</name>
    <message>
        <source>not an amount (empty)</source>
        <translation>不是数量（为空）</translation>
    </message>
    <message>
        <source>must not be negative (got &quot;%1&quot;)</source>
        <translation>不能为负数（输入为“%1”）</translation>
    </message>
    <message>
        <source>not an amount (got &quot;%1&quot;)</source>
        <translation>不是数量（输入为“%1”）</translation>
    </message>
    <message>
        <source>more than 6 decimals (got &quot;%1&quot;)</source>
        <translation>小数超过 6 位（输入为“%1”）</translation>
    </message>
    <message>
        <source>missing unit (got &quot;%1&quot;)</source>
        <translation>缺少单位（输入为“%1”）</translation>
    </message>
    <message>
        <source>unknown unit &quot;%1&quot;</source>
        <translation>未知单位“%1”</translation>
    </message>
    <message>
        <source>too large (got &quot;%1&quot;)</source>
        <translation>数值过大（输入为“%1”）</translation>
    </message>
    <message>
        <source>Not an amount (got &quot;%1&quot;).</source>
        <translation>不是数量（输入为“%1”）。</translation>
    </message>
    <message>
        <source>Not an amount (empty).</source>
        <translation>不是数量（为空）。</translation>
    </message>
    <message>
        <source>Must not be negative (got &quot;%1&quot;).</source>
        <translation>不能为负数（输入为“%1”）。</translation>
    </message>
    <message>
        <source>More than 6 decimals (got &quot;%1&quot;).</source>
        <translation>小数超过 6 位（输入为“%1”）。</translation>
    </message>
    <message>
        <source>Missing unit (got &quot;%1&quot;).</source>
        <translation>缺少单位（输入为“%1”）。</translation>
    </message>
    <message>
        <source>Unknown unit &quot;%1&quot;.</source>
        <translation>未知单位“%1”。</translation>
    </message>
    <message>
        <source>Too large (got &quot;%1&quot;).</source>
        <translation>数值过大（输入为“%1”）。</translation>
    </message>
</context>
<context>
    <name>RegionCatalog</name>
    <message>
        <source>Global (120+ countries)</source>
        <translation>全球（120 多个国家）</translation>
    </message>
    <message>
        <source>Europe (39 countries)</source>
        <translation>欧洲（39 个国家）</translation>
    </message>
    <message>
        <source>Asia (14 countries)</source>
        <translation>亚洲（14 个国家）</translation>
    </message>
    <message>
        <source>North America (US, Canada, Mexico)</source>
        <translation>北美（美国、加拿大、墨西哥）</translation>
    </message>
    <message>
        <source>Australia</source>
        <translation>澳大利亚</translation>
    </message>
    <message>
        <source>China (mainland)</source>
        <translation>中国大陆</translation>
    </message>
    <message>
        <source>France</source>
        <translation>法国</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>德国</translation>
    </message>
    <message>
        <source>Japan</source>
        <translation>日本</translation>
    </message>
    <message>
        <source>Thailand</source>
        <translation>泰国</translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation>英国</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>美国</translation>
    </message>
</context>
<context>
    <name>RulesConflict</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>day %1 at %2:%3</source>
        <translation>每月 %1 日 %2:%3</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>%1 %2 → %3</source>
        <translation>%1 %2 → %3</translation>
    </message>
    <message>
        <source>automatic top-ups</source>
        <translation>自动充值</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>monthly top-up</source>
        <translation>每月充值</translation>
    </message>
    <message>
        <source>monthly cap</source>
        <translation>每月上限</translation>
    </message>
    <message>
        <source>top-ups a month at most</source>
        <translation>每月最多充值次数</translation>
    </message>
    <message>
        <source>the package bought</source>
        <translation>所购套餐</translation>
    </message>
    <message>
        <source>the payment method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>the rules of &quot;%1&quot; were changed elsewhere (%2) while you edited them; review them and save again</source>
        <translation>“%1”的规则在您编辑期间已在别处被修改（%2）；请检查后再次保存</translation>
    </message>
    <message>
        <source>The rules of “%1” were changed elsewhere (%2) while you edited them. Review them and save again.</source>
        <translation>“%1”的规则在您编辑期间已在别处被修改（%2）。请检查后再次保存。</translation>
    </message>
    <message>
        <source>the rules of &quot;%1&quot; were changed elsewhere (%2) by %3 at %4 %5 (its clock) while you edited them; review them and save again</source>
        <translation>“%1”的规则在您编辑期间已在别处被修改（%2），由 %3 于 %4 %5（按其时钟）修改；请检查后再次保存</translation>
    </message>
    <message>
        <source>The rules of “%1” were changed elsewhere (%2) by %3 at %4 %5 (by that desktop&apos;s clock) while you edited them. Review them and save again.</source>
        <translation>“%1”的规则在您编辑期间已在别处被修改（%2），由 %3 于 %4 %5（按该桌面端的时钟）修改。请检查后再次保存。</translation>
    </message>
</context>
<context>
    <name>SamplesRow</name>
    <message>
        <source>sample %1 of the row is %2 ms from its hour&apos;s start, outside the hour&apos;s UTC day</source>
        <translation>该行的第 %1 个样本距其小时开始 %2 毫秒，超出了该小时所在的 UTC 日</translation>
    </message>
    <message>
        <source>the row&apos;s samples end with &quot;;&quot;</source>
        <translation>该行的样本以“;”结尾</translation>
    </message>
    <message>
        <source>sample %1 of the row is not &quot;bytes&quot;, &quot;bytes,seconds&quot; or &quot;milliseconds:bytes,seconds&quot; (the text reads &quot;%2&quot;)</source>
        <translation>该行的第 %1 个样本不是“字节”、“字节,秒”或“毫秒:字节,秒”（文本为“%2”）</translation>
    </message>
    <message>
        <source>sample %1 of the row is %2 ms from its hour&apos;s start, not after the sample before it</source>
        <translation>该行的第 %1 个样本距其小时开始 %2 毫秒，不在前一个样本之后</translation>
    </message>
</context>
<context>
    <name>ScenarioFile</name>
    <message>
        <source>larger than %1 MiB, the limit for a scenario file</source>
        <translation>超过 %1 MiB，即场景文件的大小上限</translation>
    </message>
</context>
<context>
    <name>ScenarioReader</name>
    <message>
        <source>line %1, column %2</source>
        <translation>第 %1 行，第 %2 列</translation>
    </message>
    <message>
        <source>must be a month YYYY-MM (got &quot;%1&quot;)</source>
        <translation>必须是月份 YYYY-MM（输入为“%1”）</translation>
    </message>
    <message>
        <source>no such month &quot;%1&quot;</source>
        <translation>不存在月份“%1”</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <source>must be at most 64 characters long</source>
        <translation>最多 64 个字符</translation>
    </message>
    <message>
        <source>must not contain &apos;/&apos;, spaces or control characters (got &quot;%1&quot;)</source>
        <translation>不能包含“/”、空格或控制字符（输入为“%1”）</translation>
    </message>
    <message>
        <source>malformed JSON at %1: %2</source>
        <translation>JSON 格式错误，位置 %1：%2</translation>
    </message>
    <message>
        <source>must be a JSON object</source>
        <translation>必须是 JSON 对象</translation>
    </message>
    <message>
        <source>must be an object, not %1</source>
        <translation>必须是对象，而不是%1</translation>
    </message>
    <message>
        <source>must be &quot;topup-scenario/1&quot; (got &quot;%1&quot;)</source>
        <translation>必须是“topup-scenario/1”（输入为“%1”）</translation>
    </message>
    <message>
        <source>must not be before start (%1)</source>
        <translation>不能早于开始时间（%1）</translation>
    </message>
    <message>
        <source>must be more than zero</source>
        <translation>必须大于零</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is used twice (first at %2)</source>
        <translation>“%1”被使用了两次（第一次在 %2）</translation>
    </message>
    <message>
        <source>unknown kind &quot;%1&quot; (expected credit_card, debit_card or paypal)</source>
        <translation>未知类型“%1”（应为 credit_card、debit_card 或 paypal）</translation>
    </message>
    <message>
        <source>a paypal wallet has no expiry</source>
        <translation>PayPal 钱包没有有效期</translation>
    </message>
    <message>
        <source>outside start..end (%1 .. %2)</source>
        <translation>超出开始至结束的范围（%1 .. %2）</translation>
    </message>
    <message>
        <source>an event has exactly one action (this one already has %1)</source>
        <translation>一个事件只能有一个动作（此事件已有 %1）</translation>
    </message>
    <message>
        <source>an event needs one action: use, topup, policy, deposit or fail_next</source>
        <translation>事件需要一个动作：use、topup、policy、deposit 或 fail_next</translation>
    </message>
    <message>
        <source>not allowed with %1</source>
        <translation>不能与 %1 同时使用</translation>
    </message>
    <message>
        <source>line</source>
        <translation>线路</translation>
    </message>
    <message>
        <source>not allowed with %1 (a top-up names its method inside)</source>
        <translation>不能与 %1 同时使用（充值在其内部指定付款方式）</translation>
    </message>
    <message>
        <source>method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>needs an amount of data or voice</source>
        <translation>需要流量或通话时长的数量</translation>
    </message>
    <message>
        <source>package</source>
        <translation>套餐</translation>
    </message>
    <message>
        <source>must name at least one reason</source>
        <translation>必须至少指定一个原因</translation>
    </message>
    <message>
        <source>unknown reason &quot;%1&quot; (expected declined, gateway_error or insufficient_funds)</source>
        <translation>未知原因“%1”（应为 declined、gateway_error 或 insufficient_funds）</translation>
    </message>
    <message>
        <source>must be a string, not %1</source>
        <translation>必须是字符串，而不是%1</translation>
    </message>
    <message>
        <source>unknown profile &quot;%1&quot; (expected light, regular, heavy or traveller)</source>
        <translation>未知用量类型“%1”（应为 light、regular、heavy 或 traveller）</translation>
    </message>
    <message>
        <source>must be at most ten years</source>
        <translation>最长为十年</translation>
    </message>
    <message>
        <source>must not contain a lone UTF-16 surrogate (\u%1 at character %2), which is not a character</source>
        <translation>不得包含孤立的 UTF-16 代理项（第 %2 个字符处的 \u%1），它不是一个字符</translation>
    </message>
    <message>
        <source>%1 entries, more than the limit of %2</source>
        <translation>%1 项，超过了 %2 项的上限</translation>
    </message>
    <message>
        <source>&quot;%1&quot; rounds to 0 s (durations are whole seconds, half-up): must be at least 0.5 s</source>
        <translation>“%1”四舍五入后为 0 秒（时长以整秒计，四舍五入）：至少须为 0.5 秒</translation>
    </message>
    <message>
        <source>makes %1 usage events from start to end, more than the limit of %2 for one generate entry (make every longer or start..end shorter)</source>
        <translation>从开始到结束会产生 %1 个用量事件，超过单个 generate 条目 %2 个的上限（请加大 every 或缩短 start..end）</translation>
    </message>
    <message>
        <source>the generate entries make %1 usage events in all, more than the limit of %2</source>
        <translation>所有 generate 条目共产生 %1 个用量事件，超过了 %2 个的上限</translation>
    </message>
    <message>
        <source>must not contain an invisible formatting character (U+%1 at character %2): printed, the id would look like another</source>
        <translation>不得包含不可见的格式字符（第 %2 个字符为 U+%1）：打印出来后，该 id 看起来会与另一个 id 相同</translation>
    </message>
    <message>
        <source>must be in Unicode normal form C (NFC): written another way, it would look like an id that differs</source>
        <translation>必须采用 Unicode 规范化形式 C（NFC）：以其他形式书写时，它看起来会与另一个不同的 id 相同</translation>
    </message>
</context>
<context>
    <name>ServerWorldLock</name>
    <message>
        <source>%1, process %2 on %3</source>
        <translation>%1，%3 上的进程 %2</translation>
    </message>
    <message>
        <source>%1: cannot connect: %2</source>
        <translation>%1：无法连接：%2</translation>
    </message>
    <message>
        <source>%1: cannot claim the world: %2</source>
        <translation>%1：无法占用该世界：%2</translation>
    </message>
    <message>
        <source>%1: another TopUp Dashboard is moving the world on; try again when it has finished</source>
        <translation>%1：另一个 TopUp Dashboard 正在推进这个世界；请在它完成后重试</translation>
    </message>
    <message>
        <source>%1: another TopUp Dashboard (%2) is moving the world on; try again when it has finished</source>
        <translation>%1：另一个 TopUp Dashboard（%2）正在推进这个世界；请在它完成后重试</translation>
    </message>
</context>
<context>
    <name>TableCopy</name>
    <message>
        <source>%1: the foreign keys of its tables go round in a circle; no order copies them</source>
        <translation>%1：其表的外键互相循环引用，无法排出复制顺序</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 → %2: a copy goes from a SQLite file into a PostgreSQL database, inside a transaction of the target</source>
        <translation>%1 → %2：复制只能从 SQLite 文件到 PostgreSQL 数据库，并在目标的事务中进行</translation>
    </message>
    <message>
        <source>%1 is at schema %2 and %3 at schema %4; a copy needs the same schema on both</source>
        <translation>%1 的架构版本为 %2，%3 的为 %4；复制要求两边架构相同</translation>
    </message>
    <message>
        <source>%1 and %2 do not hold the same tables (only in the first: %3; only in the second: %4); nothing is copied</source>
        <translation>%1 与 %2 的表不相同（仅前者有：%3；仅后者有：%4）；未复制任何内容</translation>
    </message>
    <message>
        <source>the table %1 has other columns in %2 than in %3 (only in the first: %4; only in the second: %5)</source>
        <translation>表 %1 在 %2 中的列与在 %3 中不同（仅前者有：%4；仅后者有：%5）</translation>
    </message>
    <message>
        <source>copying the table %1: %2</source>
        <translation>复制表 %1 时：%2</translation>
    </message>
    <message>
        <source>reading back the table %1: %2</source>
        <translation>读回表 %1 时：%2</translation>
    </message>
    <message>
        <source>the table %1 in %2 does not hold what was read from %3 (%4 rows there, %5 here; digest %6 there, %7 here)</source>
        <translation>%2 中的表 %1 与从 %3 读取的内容不一致（源 %4 行，目标 %5 行；源摘要 %6，目标摘要 %7）</translation>
    </message>
    <message>
        <source>setting the ids of the table %1 to follow the copied ones: %2</source>
        <translation>将表 %1 的编号设为接续已复制的编号时：%2</translation>
    </message>
</context>
<context>
    <name>TimeZoneName</name>
    <message>
        <source>&quot;%1&quot; is a UTC offset, not a time zone: use the IANA name of a place, such as Asia/Karachi</source>
        <translation>“%1”是 UTC 偏移量而不是时区：请使用地点的 IANA 名称，例如 Asia/Karachi</translation>
    </message>
    <message>
        <source>unknown time zone &quot;%1&quot; (expected an IANA name such as Europe/Paris)</source>
        <translation>未知时区“%1”（应为 IANA 名称，例如 Europe/Paris）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a UTC offset, not a time zone: use the IANA name of a place, such as Asia/Karachi.</source>
        <translation>“%1”是 UTC 偏移量而不是时区：请使用地点的 IANA 名称，例如 Asia/Karachi。</translation>
    </message>
    <message>
        <source>Unknown time zone &quot;%1&quot; (expected an IANA name such as Europe/Paris).</source>
        <translation>未知时区“%1”（应为 IANA 名称，例如 Europe/Paris）。</translation>
    </message>
</context>
<context>
    <name>TransientFailure</name>
    <message>
        <source>%1: the disk is full (%2); nothing was changed: free some space on it and try again</source>
        <translation>%1：磁盘已满（%2）；未做任何改动：请释放一些空间后重试</translation>
    </message>
    <message>
        <source>%1 is locked by another program (%2); nothing was changed: close the program that has it open and try again</source>
        <translation>%1 被另一个程序锁定（%2）；未做任何改动：请关闭打开它的程序后重试</translation>
    </message>
    <message>
        <source>The disk that holds %1 is full; nothing was changed. Free some space on it and try again.</source>
        <translation>存放 %1 的磁盘已满；未做任何更改。请释放一些空间后重试。</translation>
    </message>
    <message>
        <source>Another program has locked %1; nothing was changed. Close the program that has it open and try again.</source>
        <translation>另一个程序锁定了 %1；未做任何更改。请关闭打开它的程序后重试。</translation>
    </message>
    <message>
        <source>The database says: %1.</source>
        <translation>数据库提示：%1。</translation>
    </message>
</context>
<context>
    <name>UsageStore</name>
    <message>
        <source>damaged usage (line %1, the samples from %2): %3</source>
        <translation>用量已损坏（线路 %1，自 %2 起的样本）：%3</translation>
    </message>
    <message>
        <source>damaged usage (line %1, the hours of %2): %3</source>
        <translation>用量已损坏（线路 %1，%2 的各小时）：%3</translation>
    </message>
</context>
<context>
    <name>WorldExport</name>
    <message>
        <source>%1 holds no world to export (neither topup.sqlite nor gateway.sqlite is there)</source>
        <translation>%1 中没有可导出的世界（既没有 topup.sqlite，也没有 gateway.sqlite）</translation>
    </message>
    <message>
        <source>%1 (the provider&apos;s journal goes to the database %2 beside %3 on the same server; create it there, empty, owned by the same role)</source>
        <translation>%1（服务商的日志将写入同一服务器上 %3 旁边的数据库 %2；请在那里创建它，保持为空，属主为同一角色）</translation>
    </message>
    <message>
        <source>%1 is not empty (%2)</source>
        <translation>%1 不是空的（%2）</translation>
    </message>
    <message>
        <source>%1; export copies a world only into empty databases, so nothing was copied and nothing there was changed. Choose other databases, or drop and create these again</source>
        <translation>%1；导出只会把世界复制到空数据库中，因此未复制任何内容，那里也没有任何改动。请选择其他数据库，或删除后重新创建这些数据库</translation>
    </message>
    <message>
        <source>nothing was copied: both databases are left empty</source>
        <translation>未复制任何内容：两个数据库均保持为空</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1；%2</translation>
    </message>
    <message>
        <source>%1 holds the world %2 after the copy, not %3</source>
        <translation>复制后 %1 中的世界是 %2，而不是 %3</translation>
    </message>
    <message>
        <source>%1; the store was copied into %2 but its journal was not, so every program refuses the pair there (nothing can be charged twice). Drop and create both databases again, then export again</source>
        <translation>%1；存储已复制到 %2，但其日志没有，因此所有程序都会拒绝那里的这对数据库（不会重复扣款）。请删除并重新创建两个数据库，然后再次导出</translation>
    </message>
</context>
<context>
    <name>WorldFiles</name>
    <message>
        <source>%1: cannot move the new world&apos;s store into place from %2</source>
        <translation>%1：无法把新世界的存储从 %2 移到位</translation>
    </message>
    <message>
        <source>%1: cannot remove the unfinished world in %2</source>
        <translation>%1：无法删除 %2 中未完成的世界</translation>
    </message>
    <message>
        <source>%1: cannot move %2 into the data folder</source>
        <translation>%1：无法将 %2 移入数据文件夹</translation>
    </message>
    <message>
        <source>%1: cannot remove %2</source>
        <translation>%1：无法删除 %2</translation>
    </message>
    <message>
        <source>%1-wal: a write-ahead log without its database %1; refused (nothing was changed). Put the database back, or move the folder aside to start fresh</source>
        <translation>%1-wal：预写日志缺少其数据库 %1；已拒绝（未做任何改动）。请放回数据库，或将文件夹移到别处以重新开始</translation>
    </message>
    <message>
        <source>%1: cannot create %2 for the new world</source>
        <translation>%1：无法为新世界创建 %2</translation>
    </message>
    <message>
        <source>%1: the payment journal of the store %2 is missing; the two files belong together, so the world is refused (nothing was changed). Put the world&apos;s gateway.sqlite back, or move the folder aside to start fresh</source>
        <translation>%1：存储 %2 对应的支付日志缺失；这两个文件必须成对存在，因此拒绝打开该世界（未做任何改动）。请放回该世界的 gateway.sqlite，或将文件夹移到别处以重新开始</translation>
    </message>
    <message>
        <source>%1: the store that belongs to the payment journal %2 is missing; the world is refused (nothing was changed). Put the world&apos;s topup.sqlite back, or move the folder aside to start fresh</source>
        <translation>%1：支付日志 %2 对应的存储缺失；拒绝打开该世界（未做任何改动）。请放回该世界的 topup.sqlite，或将文件夹移到别处以重新开始</translation>
    </message>
    <message>
        <source>%1 and %2 belong to different worlds (store %3, payment journal %4): the provider&apos;s journal must be the one created with the store; refused (nothing was changed)</source>
        <translation>%1 和 %2 属于不同的世界（存储 %3，支付日志 %4）：服务商的日志必须是与存储一同创建的那一个；已拒绝（未做任何改动）</translation>
    </message>
    <message>
        <source>without an identity</source>
        <translation>无标识</translation>
    </message>
    <message>
        <source>The store %1 and the payment journal %2 belong to different worlds. Put back the journal created with this store, or choose another data folder; nothing was changed.</source>
        <translation>存储 %1 和支付日志 %2 属于不同的世界。请放回与此存储一同创建的日志，或选择其他数据文件夹；未做任何更改。</translation>
    </message>
    <message>
        <source>The new world&apos;s store cannot be moved from %2 into the data folder %1. Check that you may write there and try again.</source>
        <translation>无法将新世界的存储从 %2 移入数据文件夹 %1。请检查您是否可以在那里写入，然后重试。</translation>
    </message>
    <message>
        <source>The unfinished world in %2 cannot be removed from the data folder %1. Remove it yourself and try again.</source>
        <translation>无法从数据文件夹 %1 中删除 %2 中未完成的世界。请自行删除后重试。</translation>
    </message>
    <message>
        <source>%2 cannot be moved into the data folder %1. Check that you may write there and try again.</source>
        <translation>无法将 %2 移入数据文件夹 %1。请检查您是否可以在那里写入，然后重试。</translation>
    </message>
    <message>
        <source>%2 cannot be removed from the data folder %1. Remove it yourself and try again.</source>
        <translation>无法从数据文件夹 %1 中删除 %2。请自行删除后重试。</translation>
    </message>
    <message>
        <source>%1-wal is a write-ahead log without its database %1; nothing was changed. Put the database back, or move the folder aside to start fresh.</source>
        <translation>%1-wal 是一个缺少其数据库 %1 的预写日志；未做任何更改。请将数据库放回，或将文件夹移到一旁以重新开始。</translation>
    </message>
    <message>
        <source>The folder %2 for the new world cannot be created in the data folder %1. Check that you may write there and try again.</source>
        <translation>无法在数据文件夹 %1 中为新世界创建文件夹 %2。请检查您是否可以在那里写入，然后重试。</translation>
    </message>
    <message>
        <source>The payment journal %1 of the store %2 is missing; the two belong together, so nothing was changed. Put the world&apos;s gateway.sqlite back, or move the folder aside to start fresh.</source>
        <translation>存储 %2 的支付日志 %1 不见了；两者属于一体，因此未做任何更改。请放回该世界的 gateway.sqlite，或将文件夹移到一旁以重新开始。</translation>
    </message>
    <message>
        <source>The store %1 that belongs to the payment journal %2 is missing; nothing was changed. Put the world&apos;s topup.sqlite back, or move the folder aside to start fresh.</source>
        <translation>属于支付日志 %2 的存储 %1 不见了；未做任何更改。请放回该世界的 topup.sqlite，或将文件夹移到一旁以重新开始。</translation>
    </message>
</context>
<context>
    <name>WorldLocation</name>
    <message>
        <source>--data-dir and --database name two different worlds (a folder of SQLite files, a PostgreSQL database); give one</source>
        <translation>--data-dir 和 --database 指定了两个不同的世界（一个 SQLite 文件夹，一个 PostgreSQL 数据库）；请只给一个</translation>
    </message>
    <message>
        <source>TOPUP_DATA_DIR and TOPUP_DATABASE are both set and name two different worlds; unset one, or choose with --data-dir or --database</source>
        <translation>TOPUP_DATA_DIR 和 TOPUP_DATABASE 都已设置，指定了两个不同的世界；请取消其中一个，或用 --data-dir 或 --database 选择</translation>
    </message>
</context>
<context>
    <name>WorldMoveLock</name>
    <message>
        <source>%1: cannot wait for the world: %2</source>
        <translation>%1：无法等待该世界：%2</translation>
    </message>
    <message>
        <source>%1: another desktop is moving the world (waited %2 s); try again in a moment</source>
        <translation>%1：另一个桌面端正在推进这个世界（已等待 %2 秒）；请稍后重试</translation>
    </message>
    <message>
        <source>Another desktop is moving the world; try again in a moment.</source>
        <translation>另一个桌面端正在推进这个世界；请稍后重试。</translation>
    </message>
    <message>
        <source>%1: another desktop (%2) is moving the world (waited %3 s); try again in a moment</source>
        <translation>%1：另一个桌面端（%2）正在推进这个世界（已等待 %3 秒）；请稍后重试</translation>
    </message>
    <message>
        <source>Another desktop (%1) is moving the world; try again in a moment.</source>
        <translation>另一个桌面端（%1）正在推进这个世界；请稍后重试。</translation>
    </message>
    <message>
        <source>The PostgreSQL server of %1 did not let this desktop wait for its turn to change the world; nothing was changed. Check that the server is still running, then try again.</source>
        <translation>%1 的 PostgreSQL 服务器没有让这个桌面端等待轮到它推进这个世界；未做任何更改。请确认服务器仍在运行，然后重试。</translation>
    </message>
    <message>
        <source>The server says: %1.</source>
        <translation>服务器提示：%1。</translation>
    </message>
</context>
<context>
    <name>WorldOnServer</name>
    <message>
        <source>%1: the database name is too long for its journal&apos;s database beside it (%2 would pass PostgreSQL&apos;s %3 bytes); choose a database name of at most %4 bytes</source>
        <translation>%1：数据库名称太长，无法在旁边建立其日志数据库（%2 会超过 PostgreSQL 的 %3 字节）；请选择不超过 %4 字节的数据库名称</translation>
    </message>
    <message>
        <source>%1 (the provider&apos;s journal is the database %2 beside the store %3 on the same server; create it there if it is missing, empty, owned by the same role)</source>
        <translation>%1（支付服务商的日志是同一服务器上存储 %3 旁边的数据库 %2；如果缺少，请在那里创建它：空的，属于同一角色）</translation>
    </message>
    <message>
        <source>%1 holds a world&apos;s rows but no world identity, which no version of TopUp Dashboard writes on PostgreSQL; refused (nothing was changed)</source>
        <translation>%1 含有世界的数据行却没有世界标识，任何版本的 TopUp Dashboard 都不会在 PostgreSQL 上写出这样的数据库；已拒绝（未做任何更改）</translation>
    </message>
    <message>
        <source>%1 and %2 belong to different worlds (store %3, payment journal %4): the provider&apos;s journal must be the one created with the store; refused</source>
        <translation>%1 和 %2 属于不同的世界（存储 %3，支付日志 %4）：支付服务商的日志必须是与存储一起创建的那一个；已拒绝</translation>
    </message>
    <message>
        <source>without an identity</source>
        <translation>无标识</translation>
    </message>
    <message>
        <source>The provider&apos;s journal, the database %1 beside the store %2 on the same server, cannot be opened. Create it there if it is missing (empty, owned by the same role), then try again.</source>
        <translation>无法打开支付服务商的日志，即同一服务器上与存储 %2 并列的数据库 %1。如果它不存在，请在那里创建它（空的、属于同一角色），然后重试。</translation>
    </message>
</context>
<context>
    <name>WorldSync</name>
    <message>
        <source>the world cannot move past %1: %2</source>
        <translation>世界无法推进到 %1 之后：%2</translation>
    </message>
    <message>
        <source>the world&apos;s clock reads %1 ms from 1970, outside the years 0001 to 9999</source>
        <translation>世界时钟读数为自 1970 年起 %1 毫秒，超出 0001 至 9999 年的范围</translation>
    </message>
    <message>
        <source>%1: damaged database (%2); refused, nothing was changed</source>
        <translation>%1：数据库已损坏（%2）；已拒绝，未做任何更改</translation>
    </message>
    <message>
        <source>the world&apos;s clock reads %1, earlier than the usage recorded at %2; the clock never goes back</source>
        <translation>世界时钟读数为 %1，早于记录在 %2 的用量；时钟从不倒退</translation>
    </message>
    <message>
        <source>the world&apos;s clock reads %1, earlier than the top-up recorded at %2; the clock never goes back</source>
        <translation>世界时钟读数为 %1，早于记录在 %2 的充值；时钟从不倒退</translation>
    </message>
</context>
<context>
    <name>WorldWindow</name>
    <message>
        <source>no line &quot;%1&quot; in the scenario</source>
        <translation>场景中没有线路“%1”</translation>
    </message>
    <message>
        <source>the number of days must be between 1 and %1 (got %2)</source>
        <translation>天数必须在 1 到 %1 之间（实际为 %2）</translation>
    </message>
</context>
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
        <source>The name %1.</source>
        <extracomment>%1 says what the name holds and what to do, e.g. &quot;holds an invisible control character (U+0007) at character 3; remove it&quot;</extracomment>
        <translation>名称%1。</translation>
    </message>
    <message>
        <source>At most 100 characters.</source>
        <translation>最多 100 个字符。</translation>
    </message>
    <message>
        <source>Enter an amount like 500.00.</source>
        <translation>请输入金额，例如 500.00。</translation>
    </message>
</context>
<context>
    <name>topup::AddLineDialog</name>
    <message>
        <source>Add an eSIM line</source>
        <translation>添加 eSIM 线路</translation>
    </message>
    <message>
        <source>Buy a line from the carrier as you would a travel eSIM: choose where it is used and its first package. The package is charged now, like a top-up, and the line starts with it.</source>
        <translation>像购买旅行 eSIM 一样向运营商购买线路：选择使用地区和首个套餐。套餐会像充值一样立即扣款，线路从该套餐开始。</translation>
    </message>
    <message>
        <source>&amp;Where it is used:</source>
        <translation>使用地区(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>First &amp;package:</source>
        <translation>首个套餐(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;How it is used:</source>
        <translation>使用方式(&amp;H)：</translation>
    </message>
    <message>
        <source>Pay &amp;with:</source>
        <translation>付款方式(&amp;W)：</translation>
    </message>
    <message>
        <source>e.g. Japan trip</source>
        <translation>例如：日本旅行</translation>
    </message>
    <message>
        <source>Country or region where the line is used</source>
        <translation>线路使用的国家或地区</translation>
    </message>
    <message>
        <source>Name of the line</source>
        <translation>线路名称</translation>
    </message>
    <message>
        <source>First package</source>
        <translation>首个套餐</translation>
    </message>
    <message>
        <source>How the line is used</source>
        <translation>线路的使用方式</translation>
    </message>
    <message>
        <source>Payment method for the purchase</source>
        <translation>购买所用的付款方式</translation>
    </message>
    <message>
        <source>Lightly: messages, maps, a short call</source>
        <translation>轻度：消息、地图、偶尔短通话</translation>
    </message>
    <message>
        <source>Every day: music, social media, some calls</source>
        <translation>日常：音乐、社交媒体、一些通话</translation>
    </message>
    <message>
        <source>A lot: video streaming most evenings</source>
        <translation>重度：大多数晚上看视频</translation>
    </message>
    <message>
        <source>Travelling: maps and photos by day, hotel Wi-Fi at night</source>
        <translation>旅行：白天用地图和拍照，晚上用酒店 Wi-Fi</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <extracomment>A package and its price, e.g. &quot;5 GB data — 15.00 EUR&quot;</extracomment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>About %1 of data and %2 of calls on an average day, in the simulation.</source>
        <translation>在模拟中，平均每天约使用 %1 流量和 %2 通话。</translation>
    </message>
    <message>
        <source>Add a card or a PayPal wallet under Payment methods first; expired cards are not offered.</source>
        <translation>请先在“付款方式”中添加银行卡或 PayPal 钱包；已过期的卡不会列出。</translation>
    </message>
    <message>
        <source>%1 is charged now to %2. Top-ups of this line buy %3&apos;s packages.</source>
        <translation>现在从 %2 扣款 %1。此线路的充值购买%3的套餐。</translation>
    </message>
    <message>
        <source>&amp;Buy for %1</source>
        <translation>购买，%1(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Buy</source>
        <translation>购买(&amp;B)</translation>
    </message>
    <message>
        <source>%1 refused the payment: %2. No line was bought and nothing was charged.</source>
        <translation>%1 拒绝了付款：%2。未购买线路，也未扣款。</translation>
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
        <source>Enter an amount like 100.00.</source>
        <translation>请输入金额，例如 100.00。</translation>
    </message>
</context>
<context>
    <name>topup::AdviceModel</name>
    <message>
        <source>No automatic top-ups</source>
        <translation>不自动充值</translation>
    </message>
    <message>
        <source>When data falls below %1, buy %2</source>
        <translation>流量低于 %1 时，购买%2</translation>
    </message>
    <message>
        <source>When minutes fall below %1, buy %2</source>
        <translation>通话时长低于 %1 时，购买%2</translation>
    </message>
    <message>
        <source>On the last day of every month at %1, buy %2</source>
        <translation>每月最后一天 %1，购买%2</translation>
    </message>
    <message>
        <source>On day %1 of every month at %2, buy %3</source>
        <translation>每月 %1 日 %2，购买%3</translation>
    </message>
    <message>
        <source>Blocked %1×: %2</source>
        <extracomment>How often a limit stopped these rules, and which limits, e.g. &quot;Blocked 2×: line&apos;s monthly budget reached&quot;</extracomment>
        <translation>被拦截 %1 次：%2</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 h</source>
        <extracomment>Hours, e.g. &quot;12 h&quot;</extracomment>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>MMM yyyy</source>
        <comment>month and year format</comment>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <extracomment>The largest month&apos;s spend and that month, e.g. &quot;15.00 EUR in Jan 2027&quot;</extracomment>
        <translation>%2：%1</translation>
    </message>
    <message>
        <source>Without data: %1 h; without minutes: %2 h</source>
        <translation>无流量：%1 小时；无通话时长：%2 小时</translation>
    </message>
    <message>
        <source>Charges the payment method refused: %1</source>
        <translation>付款方式拒绝的扣款：%1</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Top-ups</source>
        <translation>充值次数</translation>
    </message>
    <message>
        <source>Without data or minutes</source>
        <translation>无流量或通话时长</translation>
    </message>
    <message>
        <source>Largest month</source>
        <translation>花费最多的月份</translation>
    </message>
</context>
<context>
    <name>topup::AlertModel</name>
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
    <name>topup::AmountUnits</name>
    <message>
        <source>KB</source>
        <translation>KB</translation>
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
        <source>KiB</source>
        <translation>KiB</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>GiB</source>
        <translation>GiB</translation>
    </message>
    <message>
        <source>s</source>
        <extracomment>Seconds, the unit</extracomment>
        <translation>秒</translation>
    </message>
    <message>
        <source>min</source>
        <extracomment>Minutes, the unit</extracomment>
        <translation>分钟</translation>
    </message>
    <message>
        <source>h</source>
        <extracomment>Hours, the unit</extracomment>
        <translation>小时</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>An amount and its unit, e.g. &quot;500 MB&quot;, &quot;90 min&quot;</extracomment>
        <translation>%1 %2</translation>
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
        <translation>已删除的付款方式</translation>
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
        <translation>付款方式</translation>
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
        <source>no account cap</source>
        <translation>账户无上限</translation>
    </message>
    <message>
        <source>%1 — this line: %2 · %3 · %4</source>
        <extracomment>Spend in one month against the caps: month, this line&apos;s spend, its count, the account&apos;s spend</extracomment>
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
    <message>
        <source>Could not write: %1.</source>
        <translation>无法写入：%1。</translation>
    </message>
</context>
<context>
    <name>topup::Currency</name>
    <message>
        <source>currency %1 does not have 2 minor digits</source>
        <translation>货币 %1 的辅币单位不是 2 位小数</translation>
    </message>
    <message>
        <source>unknown currency &quot;%1&quot; (expected an ISO 4217 code such as USD)</source>
        <translation>未知货币“%1”（应为 ISO 4217 代码，例如 USD）</translation>
    </message>
    <message>
        <source>Currency %1 does not have 2 minor digits.</source>
        <translation>货币 %1 的辅币单位不是 2 位小数。</translation>
    </message>
    <message>
        <source>Unknown currency &quot;%1&quot; (expected an ISO 4217 code such as USD).</source>
        <translation>未知货币“%1”（应为 ISO 4217 代码，例如 USD）。</translation>
    </message>
</context>
<context>
    <name>topup::DashboardPage</name>
    <message>
        <source>Simulated clock: %1 (%2)</source>
        <translation>模拟时钟：%1（%2）</translation>
    </message>
    <message>
        <source>All lines</source>
        <translation>所有线路</translation>
    </message>
    <message>
        <source>Auto top-ups: %1 of the %2 account cap.</source>
        <translation>自动充值：%1，账户上限 %2。</translation>
    </message>
    <message>
        <source>Auto top-ups: %1 (no account cap).</source>
        <translation>自动充值：%1（无账户上限）。</translation>
    </message>
    <message>
        <source>Manual top-ups: %1.</source>
        <translation>手动充值：%1。</translation>
    </message>
    <message>
        <source>No alerts. Everything ran as planned.</source>
        <translation>没有提醒，一切按计划进行。</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>总览</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Usage, last 30 days</source>
        <translation>近 30 天用量</translation>
    </message>
    <message>
        <source>Line shown in the chart</source>
        <translation>图表显示的线路</translation>
    </message>
    <message>
        <source>Latest alerts</source>
        <translation>最新提醒</translation>
    </message>
    <message>
        <source>No lines yet. Buy an eSIM line from the carrier&apos;s catalog to see its balance here and top it up by your rules.</source>
        <translation>还没有线路。从运营商目录购买一条 eSIM 线路，即可在这里查看余额并按您的规则充值。</translation>
    </message>
    <message>
        <source>Add an eSIM line</source>
        <translation>添加 eSIM 线路</translation>
    </message>
    <message>
        <source>A&amp;dd eSIM line…</source>
        <translation>添加 eSIM 线路(&amp;D)…</translation>
    </message>
</context>
<context>
    <name>topup::DataFolderBackup</name>
    <message>
        <source>%1: no such folder</source>
        <translation>%1：文件夹不存在</translation>
    </message>
    <message>
        <source>%1: too many backups already</source>
        <translation>%1：备份已经太多</translation>
    </message>
    <message>
        <source>%1: cannot move it to %2 (is the folder above writable?)</source>
        <translation>%1：无法移动到 %2（上级文件夹是否可写？）</translation>
    </message>
</context>
<context>
    <name>topup::DemoAccess</name>
    <message>
        <source>This data folder has accounts but not the demo one; start with an empty data folder to see the demo.</source>
        <translation>此数据文件夹中已有账户，但没有演示账户；请使用一个空的数据文件夹来查看演示。</translation>
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
        <source>Enter an amount like 50.00.</source>
        <translation>请输入金额，例如 50.00。</translation>
    </message>
    <message>
        <source>A deposit must be more than zero.</source>
        <translation>充入金额必须大于零。</translation>
    </message>
</context>
<context>
    <name>topup::DuplicateKeys</name>
    <message>
        <source>this key appears twice in the same object</source>
        <translation>该键在同一对象中出现了两次</translation>
    </message>
    <message>
        <source>%1 is beyond 2^53 (9007199254740992), past which numbers are not held exactly</source>
        <translation>%1 超过 2^53（9007199254740992），超过此值的数字无法精确保存</translation>
    </message>
    <message>
        <source>%1 has %2 significant digits, more than the 15 a number is held exactly with; write it shorter</source>
        <translation>%1 有 %2 位有效数字，超过了能精确保存的 15 位；请写短一些</translation>
    </message>
</context>
<context>
    <name>topup::Formatter</name>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 data</source>
        <extracomment>A package of the catalog by what it holds, e.g. &quot;5 GB data&quot;</extracomment>
        <translation>%1 流量</translation>
    </message>
    <message>
        <source>%1 + %2 minutes</source>
        <extracomment>A package of the catalog by what it holds: data and minutes, e.g. &quot;5 GB + 100 minutes&quot;</extracomment>
        <translation>%1 流量 + %2 分钟通话</translation>
    </message>
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
        <source>d MMM</source>
        <extracomment>QDate format of a day in a sentence, e.g. 25 Nov</extracomment>
        <translation>M月d日</translation>
    </message>
    <message>
        <source>MMMM yyyy</source>
        <extracomment>QDate format of a month and its year, e.g. June 2027</extracomment>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>An amount of money and its ISO currency code, e.g. 4.50 EUR</extracomment>
        <translation>%1 %2</translation>
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
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>, </source>
        <extracomment>Between the names of a list: &quot;Home phone, EU tablet&quot;.</extracomment>
        <translation>、</translation>
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
        <source>Export top-up attempts</source>
        <translation>导出充值记录</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1</source>
        <translation>
            <numerusform>已导出 %n 行到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>无法写入 %1：%2。</translation>
    </message>
</context>
<context>
    <name>topup::HistoryStore</name>
    <message>
        <source>no such alert</source>
        <translation>提醒不存在</translation>
    </message>
    <message>
        <source>No such alert.</source>
        <translation>提醒不存在。</translation>
    </message>
</context>
<context>
    <name>topup::IntegrityCheck</name>
    <message>
        <source>cannot copy the file and its write-ahead log to check them without changing them</source>
        <translation>无法复制该文件及其预写日志，因而无法在不改动它们的情况下检查</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the disk is full: %1 has no room for the copy of the file and its write-ahead log that is checked so as to change nothing; free some space and try again</source>
        <translation>磁盘已满：%1 没有空间存放文件及其预写日志的副本（检查的是副本，以免改动原文件）；请释放一些空间后重试</translation>
    </message>
</context>
<context>
    <name>topup::Launcher</name>
    <message>
        <source>TopUp Dashboard: your eSIM lines, topped up by your rules (simulated).</source>
        <translation>TopUp Dashboard：按您的规则为 eSIM 线路自动充值（模拟）。</translation>
    </message>
    <message>
        <source>The folder of the saved world (default: $TOPUP_DATA_DIR, else the app&apos;s data folder).</source>
        <translation>保存的模拟世界所在文件夹（默认：$TOPUP_DATA_DIR，否则为应用数据文件夹）。</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Open the demo account (created in an empty data folder).</source>
        <translation>打开演示账户（在空数据文件夹中自动创建）。</translation>
    </message>
    <message>
        <source>Take this instant as now, e.g. 2027-03-15T10:00:00Z.</source>
        <translation>将此时间点作为当前时间，例如 2027-03-15T10:00:00Z。</translation>
    </message>
    <message>
        <source>ISO</source>
        <translation>ISO</translation>
    </message>
    <message>
        <source>Language: en or zh_CN.</source>
        <translation>语言：en 或 zh_CN。</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Theme: system, light or dark.</source>
        <translation>主题：system、light 或 dark。</translation>
    </message>
    <message>
        <source>THEME</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Write the screenshot tour (PNG files) into DIR and exit.</source>
        <translation>将截图导览（PNG 文件）写入该文件夹后退出。</translation>
    </message>
    <message>
        <source>topup-dashboard: %1 (try --help)
</source>
        <translation>topup-dashboard：%1（请尝试 --help）
</translation>
    </message>
    <message>
        <source>topup-dashboard: --now: %1
</source>
        <translation>topup-dashboard：--now：%1
</translation>
    </message>
    <message>
        <source>topup-dashboard: --lang takes en or zh_CN (got &quot;%1&quot;)
</source>
        <translation>topup-dashboard：--lang 只接受 en 或 zh_CN（输入为“%1”）
</translation>
    </message>
    <message>
        <source>topup-dashboard: --theme takes system, light or dark (got &quot;%1&quot;)
</source>
        <translation>topup-dashboard：--theme 只接受 system、light 或 dark（输入为“%1”）
</translation>
    </message>
    <message>
        <source>topup-dashboard: screenshot tour: %1
</source>
        <translation>topup-dashboard：截图导览：%1
</translation>
    </message>
    <message>
        <source>Screenshots written: %1, in %2
</source>
        <translation>已写入 %1 张截图，位于 %2
</translation>
    </message>
    <message>
        <source>Catching up failed</source>
        <translation>追赶进度失败</translation>
    </message>
    <message>
        <source>The demo account</source>
        <translation>演示账户</translation>
    </message>
    <message>
        <source>topup-dashboard: %1
</source>
        <translation>topup-dashboard：%1
</translation>
    </message>
    <message>
        <source>topup-dashboard: the dashboard was not painted within 30 s
</source>
        <translation>topup-dashboard：总览在 30 秒内没有完成绘制
</translation>
    </message>
    <message>
        <source>Print the time to the dashboard&apos;s first paint and the resident memory, then exit.</source>
        <translation>输出到总览首次绘制所用的时间和常驻内存，然后退出。</translation>
    </message>
    <message>
        <source>
Qt&apos;s own options apply too, among them:
  -platform NAME         the windowing platform (xcb, wayland, offscreen)
  -style NAME            the widget style (Fusion)
  -reverse               right-to-left layout
  -qwindowgeometry GEOM  the main window&apos;s geometry, e.g. 1280x800+0+0
</source>
        <translation>
Qt 自身的选项同样适用，其中包括：
  -platform NAME         窗口系统平台（xcb、wayland、offscreen）
  -style NAME            控件风格（Fusion）
  -reverse               从右到左的布局
  -qwindowgeometry GEOM  主窗口的几何尺寸，例如 1280x800+0+0
</translation>
    </message>
    <message>
        <source>the tour always builds its own throw-away world</source>
        <translation>截图导览总是建立自己的临时世界</translation>
    </message>
    <message>
        <source>The PostgreSQL database of a shared world, as postgresql://USER@HOST:PORT/DBNAME; the payment journal is DBNAME_journal beside it (default: $TOPUP_DATABASE).</source>
        <translation>共享世界所在的 PostgreSQL 数据库，格式为 postgresql://用户@主机:端口/数据库名；支付日志是同一服务器上的 数据库名_journal（默认：$TOPUP_DATABASE）。</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>unexpected &quot;%1&quot;</source>
        <translation>意外的参数“%1”</translation>
    </message>
    <message>
        <source>no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set): start it in a desktop session, or write the screenshot tour with --screenshots DIR, which needs none</source>
        <translation>没有可以打开窗口的显示器（DISPLAY 和 WAYLAND_DISPLAY 均未设置）：请在桌面会话中启动，或用 --screenshots DIR 生成截图导览，它不需要显示器</translation>
    </message>
</context>
<context>
    <name>topup::LineCard</name>
    <message>
        <source>Auto top-up: off — no rules set for this line.</source>
        <translation>自动充值：关闭——此线路尚未设置规则。</translation>
    </message>
    <message>
        <source>Auto top-up: paused — the rules are kept but nothing tops up by itself.</source>
        <translation>自动充值：已暂停——规则仍保留，但不会自动充值。</translation>
    </message>
    <message>
        <source>Auto top-up: on — monthly only.</source>
        <translation>自动充值：开启——仅每月充值。</translation>
    </message>
    <message>
        <source>Auto top-up: on — armed, tops up when the balance falls below %1.</source>
        <translation>自动充值：开启——待命中，余量低于 %1 时充值。</translation>
    </message>
    <message>
        <source>Auto top-up: on — retrying after a failed payment; see Alerts for the next try.</source>
        <translation>自动充值：开启——付款失败后正在重试；下次重试时间见“提醒”。</translation>
    </message>
    <message>
        <source>Auto top-up: suspended — the payments failed. Fix or fund the payment method; it re-arms after a deposit, a change to the rules, or when the balance is back above %1.</source>
        <translation>自动充值：已暂停——付款失败。请修正付款方式或为其充值；在存入资金、修改规则或余量回到 %1 以上后会重新待命。</translation>
    </message>
    <message>
        <source>Auto top-up: blocked by a monthly budget (line or account cap) until the 1st.</source>
        <translation>自动充值：受每月预算（线路或账户上限）限制，下月 1 日前不会充值。</translation>
    </message>
    <message>
        <source>Data left: %1</source>
        <translation>剩余流量：%1</translation>
    </message>
    <message>
        <source>Minutes left: %1</source>
        <translation>剩余通话：%1</translation>
    </message>
    <message>
        <source>Next monthly top-up: %1 (%2)</source>
        <translation>下次每月充值：%1（%2）</translation>
    </message>
    <message>
        <source>No monthly top-up.</source>
        <translation>没有每月充值。</translation>
    </message>
    <message>
        <source>No data used in the last 7 days.</source>
        <translation>最近 7 天没有使用流量。</translation>
    </message>
    <message>
        <source>Data has run out (the last 7 days averaged %1 a day).</source>
        <translation>流量已用完（最近 7 天平均每天 %1）。</translation>
    </message>
    <message>
        <source>At the last 7 days&apos; pace (%1 a day), data runs out around %2 — before the monthly top-up on %3.</source>
        <translation>按最近 7 天的速度（每天 %1），流量约在 %2 用完——早于 %3 的每月充值。</translation>
    </message>
    <message>
        <source>At the last 7 days&apos; pace (%1 a day), data lasts until about %2.</source>
        <translation>按最近 7 天的速度（每天 %1），流量大约可用到 %2。</translation>
    </message>
    <message>
        <source>Daily allowance: %1 a day until the monthly top-up (days left: %2).</source>
        <translation>每日可用：每天 %1，直到每月充值（还剩 %2 天）。</translation>
    </message>
    <message>
        <source>Daily allowance: %1 a day until the month ends (days left: %2).</source>
        <translation>每日可用：每天 %1，直到月底（还剩 %2 天）。</translation>
    </message>
    <message>
        <source>Spent this month: %1 of the %2 line cap.</source>
        <translation>本月已花费：%1，线路上限 %2。</translation>
    </message>
    <message>
        <source>Spent this month: %1 (no line cap).</source>
        <translation>本月已花费：%1（无线路上限）。</translation>
    </message>
    <message>
        <source>Top-ups this month: %1 of %2</source>
        <translation>本月充值次数：%1 / %2</translation>
    </message>
    <message>
        <source>Top-ups this month: %1</source>
        <translation>本月充值次数：%1</translation>
    </message>
    <message>
        <source>Rules and test…</source>
        <translation>规则与测试…</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>打开 %1</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>线路 %1</translation>
    </message>
    <message>
        <source>Auto top-up: blocked until the 1st — %1.</source>
        <translation>自动充值：下月 1 日前受限——%1。</translation>
    </message>
    <message>
        <source>Auto top-up: on — retrying after a failed payment; next try at %1.</source>
        <translation>自动充值：开启——付款失败后正在重试；下次重试时间为 %1。</translation>
    </message>
    <message>
        <source>Auto top-up: stopped — its payment method was removed. Choose another in the line&apos;s rules.</source>
        <translation>自动充值：已停止——其付款方式已被移除。请在该线路的规则中另选一种。</translation>
    </message>
    <message>
        <source>Next monthly top-up: %1 (%2) — it will be blocked: %3.</source>
        <extracomment>The next monthly top-up: when, the time zone, why a limit will block it</extracomment>
        <translation>下次每月充值：%1（%2）——将被拦截：%3。</translation>
    </message>
    <message>
        <source>Next monthly top-up: %1 (%2) — its payment will fail: %3.</source>
        <extracomment>The next monthly top-up: when, the time zone, why its payment will fail</extracomment>
        <translation>下次每月充值：%1（%2）——付款将失败：%3。</translation>
    </message>
    <message>
        <source>At the last 7 days&apos; pace (%1 a day), data runs out around %2 — the threshold top-up on %3 will be blocked: %4.</source>
        <translation>按最近 7 天的速度（每天 %1），流量约在 %2 用完——%3 的阈值充值将被拦截：%4。</translation>
    </message>
    <message>
        <source>At the last 7 days&apos; pace (%1 a day), data runs out around %2 — the threshold top-up on %3 will fail: %4.</source>
        <translation>按最近 7 天的速度（每天 %1），流量约在 %2 用完——%3 的阈值充值将付款失败：%4。</translation>
    </message>
    <message>
        <source>At the last 7 days&apos; pace (%1 a day), data runs out around %2 — the threshold top-up comes on %3.</source>
        <translation>按最近 7 天的速度（每天 %1），流量约在 %2 用完——阈值充值将在 %3 进行。</translation>
    </message>
    <message>
        <source>Low funds: %1 holds %2, less than a top-up of this line costs (%3).</source>
        <extracomment>A payment method, what it holds, and the top-up of this line it cannot pay</extracomment>
        <translation>余额不足：%1 仅有 %2，不足以支付本线路的一次充值（%3）。</translation>
    </message>
    <message>
        <source>a payment method</source>
        <translation>某付款方式</translation>
    </message>
    <message>
        <source>Data has run out.</source>
        <translation>流量已用完。</translation>
    </message>
    <message>
        <source>The threshold top-up on %1 will be blocked: %2.</source>
        <translation>%1 的阈值充值将被拦截：%2。</translation>
    </message>
    <message>
        <source>The threshold top-up on %1 will fail: %2.</source>
        <translation>%1 的阈值充值将付款失败：%2。</translation>
    </message>
    <message>
        <source>The threshold top-up comes on %1.</source>
        <translation>阈值充值将在 %1 进行。</translation>
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
        <source>Unsaved rules</source>
        <translation>规则未保存</translation>
    </message>
    <message>
        <source>The auto top-up rules of %1 have changes that are not saved.</source>
        <translation>%1 的自动充值规则有未保存的更改。</translation>
    </message>
    <message>
        <source>Line shown</source>
        <translation>显示的线路</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>重命名(&amp;N)…</translation>
    </message>
    <message>
        <source>Rename the line</source>
        <translation>重命名线路</translation>
    </message>
    <message>
        <source>Remo&amp;ve…</source>
        <translation>删除(&amp;V)…</translation>
    </message>
    <message>
        <source>Remove the line</source>
        <translation>删除线路</translation>
    </message>
    <message>
        <source>Add an eSIM line</source>
        <translation>添加 eSIM 线路</translation>
    </message>
    <message>
        <source>No lines yet. Buy an eSIM line from the carrier&apos;s catalog to set its auto top-up and try it out.</source>
        <translation>还没有线路。从运营商目录购买一条 eSIM 线路，即可设置并试用自动充值。</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>删除线路</translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation>删除 %1？</translation>
    </message>
    <message>
        <source>Its balance is given up and its auto top-ups stop, pending retries and monthly top-ups included. Its top-ups, usage and alerts stay in History, marked as a removed line.</source>
        <translation>其余额将作废，自动充值停止，包括待重试和每月充值。其充值、用量和提醒仍保留在“历史”中，并标记为已删除的线路。</translation>
    </message>
    <message>
        <source>L&amp;ine:</source>
        <translation>线路(&amp;I)：</translation>
    </message>
    <message>
        <source>A&amp;dd eSIM line…</source>
        <translation>添加 eSIM 线路(&amp;D)…</translation>
    </message>
    <message>
        <source>%1 was not removed. %2</source>
        <translation>未删除 %1。%2</translation>
    </message>
</context>
<context>
    <name>topup::LineTableModel</name>
    <message>
        <source>On</source>
        <extracomment>A line&apos;s auto top-up state, as the dashboard&apos;s filter lists it</extracomment>
        <translation>开启</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>已拦截</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>重试中</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>已暂停扣款</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>线路</translation>
    </message>
    <message>
        <source>Auto top-up</source>
        <translation>自动充值</translation>
    </message>
    <message>
        <source>Data left</source>
        <translation>剩余流量</translation>
    </message>
    <message>
        <source>Data runs out</source>
        <translation>流量用完</translation>
    </message>
    <message>
        <source>Next top-up</source>
        <translation>下次充值</translation>
    </message>
    <message>
        <source>Spent this month</source>
        <translation>本月花费</translation>
    </message>
    <message>
        <source>Off — no rules</source>
        <translation>关闭 — 未设规则</translation>
    </message>
    <message>
        <source>Stopped — payment method removed</source>
        <translation>已停止 — 付款方式已删除</translation>
    </message>
    <message>
        <source>On — monthly only</source>
        <translation>开启 — 仅每月充值</translation>
    </message>
    <message>
        <source>Retrying after a failed payment</source>
        <translation>付款失败后重试中</translation>
    </message>
    <message>
        <source>Suspended — the payments failed</source>
        <translation>已暂停 — 付款失败</translation>
    </message>
    <message>
        <source>Run out</source>
        <translation>已用完</translation>
    </message>
    <message>
        <source>No recent use</source>
        <translation>近期未使用</translation>
    </message>
    <message>
        <source>about %1</source>
        <extracomment>When data runs out at the last 7 days&apos; pace</extracomment>
        <translation>约 %1</translation>
    </message>
    <message>
        <source>None ahead</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>%1 (%2): %3 — blocked: %4</source>
        <extracomment>The next top-up: when, its trigger, its package, why a limit will block it</extracomment>
        <translation>%1（%2）：%3 — 将被拦截：%4</translation>
    </message>
    <message>
        <source>%1 (%2): %3 — will fail: %4</source>
        <extracomment>The next top-up: when, its trigger, its package, why its payment will fail</extracomment>
        <translation>%1（%2）：%3 — 付款将失败：%4</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <extracomment>The next top-up: when, its trigger, its package</extracomment>
        <translation>%1（%2）：%3</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <extracomment>This month&apos;s spend of a line against its cap: &quot;4.00 of 10.00 EUR&quot;</extracomment>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>The next top-up in the dashboard&apos;s table: when, its package</extracomment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Minutes</source>
        <extracomment>The dashboard table&apos;s column of the minutes left</extracomment>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Blocked until the 1st — %1</source>
        <extracomment>A line&apos;s threshold trigger blocked until the next month, and why</extracomment>
        <translation>拦截至下月 1 日 — %1</translation>
    </message>
    <message>
        <source>Blocked until the 1st — a monthly budget</source>
        <translation>拦截至下月 1 日 — 已达每月预算</translation>
    </message>
    <message>
        <source>%1 — blocked: %2</source>
        <extracomment>The next top-up in the dashboard&apos;s table: when, why a limit will block it</extracomment>
        <translation>%1 — 将被拦截：%2</translation>
    </message>
    <message>
        <source>%1 — will fail: %2</source>
        <extracomment>The next top-up in the dashboard&apos;s table: when, why its payment will fail</extracomment>
        <translation>%1 — 付款将失败：%2</translation>
    </message>
</context>
<context>
    <name>topup::LineTablePanel</name>
    <message numerus="yes">
        <source>%1 of %n line(s) shown</source>
        <extracomment>How many lines the dashboard&apos;s filter shows, of how many</extracomment>
        <translation>
            <numerusform>显示 %n 条线路中的 %1 条</numerusform>
        </translation>
    </message>
    <message>
        <source>Every state</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <source>Filter by name</source>
        <translation>按名称筛选</translation>
    </message>
    <message>
        <source>Filter lines by name</source>
        <translation>按名称筛选线路</translation>
    </message>
    <message>
        <source>Filter lines by state</source>
        <translation>按状态筛选线路</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>线路</translation>
    </message>
    <message>
        <source>Select a line to see its card.</source>
        <translation>选择一条线路以查看其卡片。</translation>
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
        <source>&amp;Drain the line&apos;s data</source>
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
        <translation>下一次扣款将失败的付款方式</translation>
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
        <translation>立即使用的付款方式</translation>
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
        <source>The line&apos;s data is used up; the rules reacted at once (see the attempts below).</source>
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
    <message>
        <source>Jumping to the next top-up…</source>
        <translation>正在跳到下一次充值…</translation>
    </message>
</context>
<context>
    <name>topup::MainWindow</name>
    <message>
        <source>TopUp Dashboard</source>
        <translation>TopUp 充值助手</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>总览</translation>
    </message>
    <message>
        <source>Line &amp;&amp; auto top-up</source>
        <translation>线路与自动充值</translation>
    </message>
    <message>
        <source>Payment methods</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Alerts (%1)</source>
        <translation>提醒（%1）</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1（Ctrl+%2）</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Signed in as
%1</source>
        <translation>当前账号
%1</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>账户(&amp;A)</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Lines</source>
        <translation>线路(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Add eSIM line…</source>
        <translation>添加 eSIM 线路(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Rename line…</source>
        <translation>重命名线路(&amp;R)…</translation>
    </message>
    <message>
        <source>Re&amp;move line…</source>
        <translation>删除线路(&amp;M)…</translation>
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
        <translation>付款方式</translation>
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
    <message>
        <source>Unknown</source>
        <extracomment>Funds the simulated provider could not tell (the tooltip says why)</extracomment>
        <translation>未知</translation>
    </message>
    <message>
        <source>The provider could not tell this method&apos;s funds (%1): they are unknown, not 0.</source>
        <extracomment>Why a method&apos;s funds are unknown: the provider&apos;s own words, e.g. &quot;no such payment account at the provider&quot;</extracomment>
        <translation>服务商无法告知此付款方式的余额（%1）：余额未知，而不是 0。</translation>
    </message>
</context>
<context>
    <name>topup::PaymentsPage</name>
    <message>
        <source>Payment methods</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Auto top-ups charge a line&apos;s method, then its fallback. Cards are valid through the last day of their expiry month; those expiring within 30 days are marked.</source>
        <translation>自动充值先从线路的付款方式扣款，失败时再使用备用方式。银行卡在到期月份的最后一天之前有效；30 天内到期的卡会被标出。</translation>
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
        <translation>向所选付款方式充入资金</translation>
    </message>
    <message>
        <source>Make the selected method the default</source>
        <translation>将所选付款方式设为默认</translation>
    </message>
    <message>
        <source>Remove the selected method</source>
        <translation>删除所选付款方式</translation>
    </message>
    <message>
        <source>Set default</source>
        <translation>设为默认</translation>
    </message>
    <message>
        <source>Remove payment method</source>
        <translation>删除付款方式</translation>
    </message>
    <message>
        <source>Remove %1 from your account?</source>
        <translation>要从账户中删除 %1 吗？</translation>
    </message>
    <message>
        <source>%1 could not become the default. %2</source>
        <translation>无法将 %1 设为默认。%2</translation>
    </message>
    <message>
        <source>%1 cannot be removed. %2</source>
        <translation>无法删除 %1。%2</translation>
    </message>
    <message>
        <source>%1 was not removed. %2</source>
        <translation>未删除 %1。%2</translation>
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
        <translation>付款</translation>
    </message>
    <message>
        <source>Pay with:</source>
        <translation>付款方式：</translation>
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
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Fallback payment method</source>
        <translation>备用付款方式</translation>
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
        <source>%1 — %2</source>
        <extracomment>A package and its price, e.g. &quot;5 GB data — 15.00 EUR&quot;</extracomment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Choose a method</source>
        <translation>选择付款方式</translation>
    </message>
    <message>
        <source>No fallback</source>
        <translation>无备用方式</translation>
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
        <source>Su&amp;ggest rules…</source>
        <translation>推荐规则(&amp;G)…</translation>
    </message>
    <message>
        <source>Suggest rules from this line&apos;s usage</source>
        <translation>根据这条线路的用量推荐规则</translation>
    </message>
    <message>
        <source>Suggested rules filled in: Save keeps them.</source>
        <translation>已填入推荐的规则：点击保存后生效。</translation>
    </message>
    <message>
        <source>These are the rules already saved.</source>
        <translation>这就是已保存的规则。</translation>
    </message>
    <message>
        <source>%1 — no longer offered</source>
        <extracomment>A package the saved rules buy that the line&apos;s region no longer sells, e.g. &quot;5 GB data — no longer offered&quot;</extracomment>
        <translation>%1 — 已不再提供</translation>
    </message>
    <message>
        <source>This line&apos;s region no longer offers %1; the saved rules still buy it. Choose a package it offers.</source>
        <translation>此线路所在地区已不再提供 %1；已保存的规则仍会购买它。请选择该地区提供的套餐。</translation>
    </message>
</context>
<context>
    <name>topup::PolicyPreviewPanel</name>
    <message>
        <source>Auto top-up is off: nothing will happen by itself.</source>
        <translation>自动充值已关闭：不会自动进行任何充值。</translation>
    </message>
    <message>
        <source>At the recent pace of usage; times in %1.</source>
        <translation>按近期用量估算；时间为 %1 时区。</translation>
    </message>
    <message>
        <source>Correct the fields marked in red to see what these rules would do.</source>
        <translation>请更正红色标出的字段，以查看这些规则的效果。</translation>
    </message>
    <message>
        <source>Preview of the next top-ups</source>
        <translation>未来充值预览</translation>
    </message>
    <message numerus="yes">
        <source>No top-up in the next %n day(s) at the recent pace.</source>
        <translation>
            <numerusform>按近期用量，未来 %n 天内不会充值。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Blocked by a limit: %n of these top-ups (marked).</source>
        <translation>
            <numerusform>被限额拦截：其中 %n 次充值（已标出）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The next %n day(s) with these rules</source>
        <translation>
            <numerusform>按此规则未来 %n 天的充值</numerusform>
        </translation>
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
        <extracomment>A status and its reason, e.g. &quot;Blocked: line&apos;s monthly budget reached&quot;</extracomment>
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
        <translation>付款方式</translation>
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
    <name>topup::RenameLineDialog</name>
    <message>
        <source>Rename line</source>
        <translation>重命名线路</translation>
    </message>
    <message>
        <source>&amp;New name for %1:</source>
        <translation>%1 的新名称(&amp;N)：</translation>
    </message>
    <message>
        <source>New name of the line</source>
        <translation>线路的新名称</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>重命名(&amp;R)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>topup::RulesAdvisorDialog</name>
    <message>
        <source>Suggest rules for %1</source>
        <translation>为%1推荐规则</translation>
    </message>
    <message>
        <source>Replays this line&apos;s usage, hour by hour, under many auto top-up rules — every threshold step and package, with or without a monthly top-up on each day — and shows the ones that would have kept it in data and minutes for the least money. The method, fallback and limits stay as saved.</source>
        <translation>按小时重放这条线路的用量，试遍各种自动充值规则——每一档阈值和每个套餐，每月每一天加或不加每月充值——并列出既能保证流量和通话时长、花费又最少的规则。付款方式、备用付款方式和限额保持已保存的设置。</translation>
    </message>
    <message>
        <source>&amp;Usage of the last:</source>
        <translation>用量范围：最近(&amp;U)</translation>
    </message>
    <message>
        <source>Period of usage to replay</source>
        <translation>要重放的用量时段</translation>
    </message>
    <message>
        <source>Progress of the replay</source>
        <translation>重放进度</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Run again</source>
        <translation>重新运行(&amp;R)</translation>
    </message>
    <message>
        <source>Stop the replay</source>
        <translation>停止重放</translation>
    </message>
    <message>
        <source>Run the replay again</source>
        <translation>重新运行重放</translation>
    </message>
    <message>
        <source>Saved rules and suggested rules</source>
        <translation>已保存的规则和推荐的规则</translation>
    </message>
    <message>
        <source>The history keeps what the line was served: hours it had already run out count as no use. Funds are as they are now.</source>
        <translation>历史记录保存的是线路实际获得的用量：已经用完的时段按未使用计算。资金按当前余额计算。</translation>
    </message>
    <message>
        <source>Use &amp;these rules</source>
        <translation>使用这些规则(&amp;T)</translation>
    </message>
    <message>
        <source>Use the selected rules in the form</source>
        <translation>在表单中使用所选的规则</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Stopped. Choose a period or run it again.</source>
        <translation>已停止。请选择时段或重新运行。</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>This line used nothing from %1: there is no usage to learn from.</source>
        <translation>这条线路在 %1 期间没有用量：无从推荐。</translation>
    </message>
    <message>
        <source>No rules would have kept this line in data and minutes from %1: the best still leaves it without for %2 h. They are listed with the fewest hours first.</source>
        <translation>在 %1 期间，没有任何规则能让这条线路一直有流量和通话时长：最好的规则仍会缺 %2 小时。以下按缺少的小时数从少到多排列。</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Replaying the last %n day(s)…</source>
        <translation>
            <numerusform>正在重放最近 %n 天…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rule(s) replayed over %1 hours of usage, %2; the cheapest that keep the line in data and minutes come first.</source>
        <extracomment>%Ln rules (the count in the language&apos;s digits), over %1 hours (with usage), in the period %2</extracomment>
        <translation>
            <numerusform>已按 %2 的 %1 小时用量重放 %Ln 条规则；能保证流量和通话时长且最便宜的排在前面。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>topup::ScreenshotTour</name>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>cannot create a temporary folder: %1</source>
        <translation>无法创建临时文件夹：%1</translation>
    </message>
    <message>
        <source>(a temporary folder, removed after the tour)</source>
        <translation>（临时文件夹，导览结束后删除）</translation>
    </message>
    <message>
        <source>opening the demo account: %1</source>
        <translation>打开演示账户：%1</translation>
    </message>
    <message>
        <source>the demo account has no lines</source>
        <translation>演示账户没有线路</translation>
    </message>
    <message>
        <source>draining %1: %2</source>
        <translation>耗尽 %1：%2</translation>
    </message>
    <message>
        <source>the add-card dialog did not open</source>
        <translation>添加银行卡对话框没有打开</translation>
    </message>
    <message>
        <source>adding a card: %1</source>
        <translation>添加银行卡：%1</translation>
    </message>
    <message>
        <source>the add-line dialog did not open</source>
        <translation>添加线路对话框没有打开</translation>
    </message>
    <message>
        <source>Japan trip</source>
        <translation>日本旅行</translation>
    </message>
    <message>
        <source>the new account was not created</source>
        <translation>新账户没有创建成功</translation>
    </message>
    <message>
        <source>the rules advisor did not open</source>
        <translation>规则推荐窗口未能打开</translation>
    </message>
    <message>
        <source>Fleet line %1</source>
        <extracomment>A line of the tour&apos;s fleet, numbered</extracomment>
        <translation>车队线路 %1</translation>
    </message>
    <message>
        <source>adding a line to the fleet: %1</source>
        <translation>向车队添加线路：%1</translation>
    </message>
</context>
<context>
    <name>topup::Service</name>
    <message>
        <source>sign in first</source>
        <translation>请先登录</translation>
    </message>
    <message>
        <source>the simulated clock of %1 has already started</source>
        <translation>%1 的模拟时钟已经开始运行</translation>
    </message>
    <message>
        <source>the clock only moves forward</source>
        <translation>时钟只能向前走</translation>
    </message>
    <message>
        <source>choose at least one failure to inject</source>
        <translation>请至少选择一种要注入的失败</translation>
    </message>
    <message>
        <source>the world is catching up; try again when it has finished</source>
        <translation>世界正在追赶进度；请在完成后再试</translation>
    </message>
    <message>
        <source>The world is catching up; try again when it has finished.</source>
        <translation>世界正在追赶进度；请在完成后再试。</translation>
    </message>
    <message>
        <source>the top-up was recorded, but the rules could not run after it: %1</source>
        <translation>充值已记录，但之后无法运行规则：%1</translation>
    </message>
    <message>
        <source>%1; nothing more is saved to it. Move the data folder aside to start fresh</source>
        <translation>%1；不再向其保存任何内容。请将数据文件夹移到别处以重新开始</translation>
    </message>
    <message>
        <source>the carrier&apos;s catalog is not priced in %1, the account&apos;s currency</source>
        <translation>运营商的套餐目录没有以账户货币 %1 定价</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <source>The carrier&apos;s catalog is not priced in %1, the account&apos;s currency.</source>
        <translation>运营商的套餐目录没有以账户货币 %1 定价。</translation>
    </message>
    <message>
        <source>Choose at least one failure to inject.</source>
        <translation>请至少选择一种要注入的失败。</translation>
    </message>
    <message>
        <source>The simulated clock of %1 has already started.</source>
        <translation>%1 的模拟时钟已经开始运行。</translation>
    </message>
    <message>
        <source>The clock only moves forward.</source>
        <translation>时钟只能向前走。</translation>
    </message>
    <message>
        <source>Waiting for another desktop to finish moving the world…</source>
        <translation>正在等待另一个桌面端推进完这个世界…</translation>
    </message>
    <message>
        <source>Waiting for another desktop (%1) to finish moving the world…</source>
        <translation>正在等待另一个桌面端（%1）推进完这个世界…</translation>
    </message>
    <message>
        <source>A data file was found damaged, so nothing more is saved. Quit TopUp Dashboard and start it again: it offers to move the data folder aside and start fresh.</source>
        <translation>发现一个数据文件已损坏，因此不再保存任何内容。请退出 TopUp Dashboard 并重新启动：它会提供将数据文件夹移到一旁并重新开始的选项。</translation>
    </message>
    <message>
        <source>The jump to the next top-up was stopped part way.</source>
        <translation>跳到下一次充值的操作中途已停止。</translation>
    </message>
    <message>
        <source>the world is jumping to the next top-up; try again when it has landed</source>
        <translation>世界正在跳到下一次充值；请在完成后再试</translation>
    </message>
    <message>
        <source>The world is jumping to the next top-up; try again when it has landed.</source>
        <translation>世界正在跳到下一次充值；请在完成后再试。</translation>
    </message>
</context>
<context>
    <name>topup::SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Data units</source>
        <translation>流量单位(&amp;D)</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>GB (1 GB = 1000 MB)</source>
        <translation>GB（1 GB = 1000 MB）</translation>
    </message>
    <message>
        <source>GiB (1 GiB = 1024 MiB)</source>
        <translation>GiB（1 GiB = 1024 MiB）</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Time &amp;zone</source>
        <translation>时区(&amp;Z)</translation>
    </message>
    <message>
        <source>&amp;Currency</source>
        <translation>货币(&amp;C)</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>打开文件夹(&amp;O)</translation>
    </message>
    <message>
        <source>Open the data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <source>Reading every page of the data files in the background…</source>
        <translation>正在后台逐页读取数据文件…</translation>
    </message>
    <message>
        <source>The data files are whole (checked page by page).</source>
        <translation>数据文件完好（已逐页检查）。</translation>
    </message>
    <message>
        <source>Damaged: %1. Nothing more is saved to it; move the data folder aside to start fresh.</source>
        <translation>已损坏：%1。不再向其保存任何内容；请将数据文件夹移到别处以重新开始。</translation>
    </message>
    <message>
        <source>The data files could not be read to their end (%1); the next start checks them again.</source>
        <translation>未能完整读取数据文件（%1）；下次启动时会再次检查。</translation>
    </message>
    <message>
        <source>Enter an amount like 200.00, or nothing for no cap.</source>
        <translation>请输入金额，例如 200.00；不设上限请留空。</translation>
    </message>
    <message>
        <source>A cap must be more than zero; leave the field empty for no cap.</source>
        <translation>上限必须大于零；不设上限请留空。</translation>
    </message>
    <message>
        <source>The auto top-ups of all lines together spend at most this much in a calendar month; empty: no cap.</source>
        <translation>所有线路的自动充值在一个自然月内合计最多花费这么多；留空表示不设上限。</translation>
    </message>
    <message>
        <source>Saved: auto top-ups of all lines together stop at %1 a month.</source>
        <translation>已保存：所有线路的自动充值每月合计最多 %1。</translation>
    </message>
    <message>
        <source>Saved: no account cap.</source>
        <translation>已保存：账户不设上限。</translation>
    </message>
    <message>
        <source>Monthly c&amp;ap</source>
        <translation>每月上限(&amp;A)</translation>
    </message>
    <message>
        <source>No cap (e.g. 200.00)</source>
        <translation>不设上限（例如 200.00）</translation>
    </message>
    <message>
        <source>Monthly cap for the auto top-ups of all lines</source>
        <translation>所有线路自动充值的每月上限</translation>
    </message>
    <message>
        <source>Sa&amp;ve cap</source>
        <translation>保存上限(&amp;V)</translation>
    </message>
    <message>
        <source>Save the monthly cap</source>
        <translation>保存每月上限</translation>
    </message>
    <message>
        <source>Chosen when the account was created and kept: every price, cap and record of the account is in it, so changing it would change what they mean.</source>
        <translation>在创建账户时选定并保持不变：账户的所有价格、上限和记录都以它计价，更改它会改变这些数字的含义。</translation>
    </message>
    <message>
        <source>Monthly top-ups, month starts and caps follow this time zone from the moment you choose it; past top-ups keep the months they were made in.</source>
        <translation>从选择之时起，每月充值、月初和上限都按此时区计算；过去的充值仍归入其发生的月份。</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>The world is on a PostgreSQL server, which keeps its own pages: TopUp has no page-by-page check to run there.</source>
        <translation>该世界位于 PostgreSQL 服务器上，服务器自行管理其数据页：TopUp 在那里没有逐页检查可运行。</translation>
    </message>
</context>
<context>
    <name>topup::SignInPage</name>
    <message>
        <source>Enter an e-mail address or a phone number with its country code, e.g. +8613800138000.</source>
        <translation>请输入电子邮件地址，或带国家代码的手机号码，例如 +8613800138000。</translation>
    </message>
    <message>
        <source>Too short: use at least %1 characters (%2 so far).</source>
        <translation>太短：至少使用 %1 个字符（目前 %2 个）。</translation>
    </message>
    <message>
        <source>Too common: this password is on the list of the most used ones.</source>
        <translation>太常见：这个密码在最常用密码列表中。</translation>
    </message>
    <message>
        <source>The passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Create your account</source>
        <translation>创建账户</translation>
    </message>
    <message>
        <source>Sign in to TopUp</source>
        <translation>登录 TopUp</translation>
    </message>
    <message>
        <source>Keep your eSIM lines topped up by your own rules, within your budget.</source>
        <translation>按您自己的规则，在预算之内为 eSIM 线路保持充足余量。</translation>
    </message>
    <message>
        <source>&amp;E-mail or phone number</source>
        <translation>电子邮件或手机号码(&amp;E)</translation>
    </message>
    <message>
        <source>jane@example.com or +8613800138000</source>
        <translation>jane@example.com 或 +8613800138000</translation>
    </message>
    <message>
        <source>E-mail or phone number</source>
        <translation>电子邮件或手机号码</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>At least %1 characters</source>
        <translation>至少 %1 个字符</translation>
    </message>
    <message>
        <source>&amp;Repeat the password</source>
        <translation>再次输入密码(&amp;R)</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>创建账户</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>I already have an account: sign in</source>
        <translation>已有账户？登录</translation>
    </message>
    <message>
        <source>New here? Create an account</source>
        <translation>第一次使用？创建账户</translation>
    </message>
    <message>
        <source>Open the demo account</source>
        <translation>打开演示账户</translation>
    </message>
    <message>
        <source>Three lines, two cards and a wallet with 90 days of simulated history.</source>
        <translation>三条线路、两张银行卡和一个钱包，附带 90 天的模拟历史。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Choose the time zone you live in, e.g. Europe/Paris.</source>
        <translation>请选择您所在的时区，例如 Asia/Shanghai。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time zone this system knows; choose one from the list, e.g. Europe/Paris.</source>
        <translation>“%1”不是本系统已知的时区；请从列表中选择，例如 Asia/Shanghai。</translation>
    </message>
    <message>
        <source>C&amp;urrency</source>
        <translation>货币(&amp;U)</translation>
    </message>
    <message>
        <source>Currency of the account</source>
        <translation>账户的货币</translation>
    </message>
    <message>
        <source>Prices, caps and every amount of the account are in this currency; it cannot be changed later.</source>
        <translation>账户的价格、上限和所有金额都使用这种货币；之后无法更改。</translation>
    </message>
    <message>
        <source>&amp;Time zone</source>
        <translation>时区(&amp;T)</translation>
    </message>
    <message>
        <source>Time zone of the account</source>
        <translation>账户的时区</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
</context>
<context>
    <name>topup::SimulationPlayer</name>
    <message>
        <source>the speed must be more than zero</source>
        <translation>速度必须大于零</translation>
    </message>
    <message>
        <source>at most a month of simulated time per second</source>
        <translation>每秒最多模拟一个月</translation>
    </message>
    <message>
        <source>The speed must be more than zero.</source>
        <translation>速度必须大于零。</translation>
    </message>
    <message>
        <source>The speed is at most a month of simulated time per second.</source>
        <translation>速度最多为每秒模拟一个月。</translation>
    </message>
</context>
<context>
    <name>topup::StartupFlow</name>
    <message>
        <source>Cannot start fresh</source>
        <translation>无法重新开始</translation>
    </message>
    <message>
        <source>The data folder cannot be opened</source>
        <translation>无法打开数据文件夹</translation>
    </message>
    <message>
        <source>Started fresh</source>
        <translation>已重新开始</translation>
    </message>
    <message>
        <source>The old data is kept in %1. Nothing was deleted.</source>
        <translation>旧数据保存在 %1，没有删除任何内容。</translation>
    </message>
    <message>
        <source>Catching up</source>
        <translation>正在追赶进度</translation>
    </message>
    <message>
        <source>Bringing the simulated world up to now…</source>
        <translation>正在将模拟世界推进到当前时间…</translation>
    </message>
    <message>
        <source>a catch-up is already running</source>
        <translation>已有追赶进度任务在运行</translation>
    </message>
    <message>
        <source>top-ups made: %1, %2 in all</source>
        <translation>完成充值：%1 次，共 %2</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失败：%1 次</translation>
    </message>
    <message>
        <source>blocked by a budget: %1</source>
        <translation>受预算限制：%1 次</translation>
    </message>
    <message>
        <source>From %1 to %2: %3.</source>
        <translation>从 %1 到 %2：%3。</translation>
    </message>
    <message>
        <source>While you were away</source>
        <translation>您离开期间</translation>
    </message>
    <message>
        <source>The details are in History and Alerts.</source>
        <translation>详情请查看“历史记录”和“提醒”。</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;TopUp found damage in its data.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;&lt;p&gt;Nothing more is saved to this file, so what it holds stays as it was; what you see may be incomplete.&lt;/p&gt;&lt;p&gt;Quit TopUp Dashboard and start it again: it will offer to move the data folder aside as a dated backup (nothing is deleted) and start fresh.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;TopUp Dashboard 发现其数据已损坏。&lt;/b&gt;&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;&lt;p&gt;不会再向此文件保存任何内容，其中已有的内容保持原样；您看到的内容可能不完整。&lt;/p&gt;&lt;p&gt;请退出 TopUp Dashboard 并重新启动：它会提供将数据文件夹改名为一个带日期的备份（不删除任何内容）并重新开始的选项。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The data is damaged</source>
        <translation>数据已损坏</translation>
    </message>
</context>
<context>
    <name>topup::StoreProblemDialog</name>
    <message>
        <source>The data folder cannot be opened</source>
        <translation>无法打开数据文件夹</translation>
    </message>
    <message>
        <source>&amp;Start fresh</source>
        <translation>重新开始(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Another TopUp Dashboard is using this folder: close it, then choose &lt;b&gt;Try again&lt;/b&gt;.</source>
        <translation>另一个 TopUp Dashboard 正在使用此文件夹：请先关闭它，然后选择&lt;b&gt;重试&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>Another TopUp Dashboard is using this folder: close it, then start again.</source>
        <translation>另一个 TopUp Dashboard 正在使用此文件夹：请先关闭它，然后重新启动。</translation>
    </message>
    <message>
        <source>Nothing in the folder was changed. &lt;b&gt;Try again&lt;/b&gt; once that is resolved; &lt;b&gt;Quit&lt;/b&gt; leaves everything as it is.</source>
        <translation>文件夹中的内容未做任何改动。问题解决后请选择&lt;b&gt;重试&lt;/b&gt;；&lt;b&gt;退出&lt;/b&gt;则保持一切不变。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Start fresh&lt;/b&gt; moves this folder aside as a dated backup next to it (nothing is deleted) and starts with an empty one. &lt;b&gt;Quit&lt;/b&gt; leaves everything as it is.</source>
        <translation>&lt;b&gt;重新开始&lt;/b&gt;会把此文件夹改名为旁边一个带日期的备份（不删除任何内容），并使用一个空文件夹重新开始。&lt;b&gt;退出&lt;/b&gt;则保持一切不变。</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;TopUp cannot open its data.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;&lt;p&gt;Folder: &lt;tt&gt;%2&lt;/tt&gt;&lt;/p&gt;&lt;p&gt;%3&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;TopUp 无法打开其数据。&lt;/b&gt;&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;&lt;p&gt;文件夹：&lt;tt&gt;%2&lt;/tt&gt;&lt;/p&gt;&lt;p&gt;%3&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The database cannot be opened</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>Nothing in the database was changed. &lt;b&gt;Try again&lt;/b&gt; once the server answers, or once the other TopUp Dashboard using this world is closed; &lt;b&gt;Quit&lt;/b&gt; leaves everything as it is.</source>
        <translation>数据库中的内容未做任何改动。待服务器恢复响应，或使用此世界的另一个 TopUp Dashboard 关闭后，请选择&lt;b&gt;重试&lt;/b&gt;；&lt;b&gt;退出&lt;/b&gt;则保持一切不变。</translation>
    </message>
    <message>
        <source>Nothing in the database was changed. &lt;b&gt;Quit&lt;/b&gt;, and show the message above to whoever runs the server.</source>
        <translation>数据库中的内容未做任何改动。请&lt;b&gt;退出&lt;/b&gt;，并把上面的信息告诉服务器的管理员。</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;TopUp cannot open its data.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;&lt;p&gt;Database: &lt;tt&gt;%2&lt;/tt&gt;&lt;/p&gt;&lt;p&gt;%3&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;TopUp 无法打开其数据。&lt;/b&gt;&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;&lt;p&gt;数据库：&lt;tt&gt;%2&lt;/tt&gt;&lt;/p&gt;&lt;p&gt;%3&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>重试(&amp;T)</translation>
    </message>
</context>
<context>
    <name>topup::StoredName</name>
    <message>
        <source>%1 %2 in the store has an unknown %3 &quot;%4&quot;</source>
        <translation>存储中的 %1 %2 的 %3 未知：“%4”</translation>
    </message>
    <message>
        <source>The store holds a row this version cannot read (%1 %2, its %3 is &quot;%4&quot;): the file is damaged or was written by a newer version. Open it with the version that wrote it, or move the data folder aside to start fresh.</source>
        <translation>存储中有一行此版本无法读取（%1 %2，其 %3 为“%4”）：该文件已损坏，或由更新的版本写入。请用写入它的版本打开，或将数据文件夹移到一旁以重新开始。</translation>
    </message>
</context>
<context>
    <name>topup::TrayNotifier</name>
    <message>
        <source>New alert</source>
        <translation>新提醒</translation>
    </message>
    <message numerus="yes">
        <source>%n new alert(s)</source>
        <translation>
            <numerusform>%n 条新提醒</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>topup::UsageChart</name>
    <message>
        <source>GiB</source>
        <translation>GiB</translation>
    </message>
    <message>
        <source>GB</source>
        <translation>GB</translation>
    </message>
    <message>
        <source>No usage recorded in this period.</source>
        <translation>此期间没有用量记录。</translation>
    </message>
    <message>
        <source>Data per hour</source>
        <translation>每小时流量</translation>
    </message>
    <message>
        <source>Voice per hour</source>
        <translation>每小时通话</translation>
    </message>
    <message>
        <source>Data per day</source>
        <translation>每日流量</translation>
    </message>
    <message>
        <source>Voice per day</source>
        <translation>每日通话</translation>
    </message>
    <message>
        <source>Data per week</source>
        <translation>每周流量</translation>
    </message>
    <message>
        <source>Voice per week</source>
        <translation>每周通话</translation>
    </message>
    <message>
        <source>Data per month</source>
        <translation>每月流量</translation>
    </message>
    <message>
        <source>Voice per month</source>
        <translation>每月通话</translation>
    </message>
    <message>
        <source>min</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Usage chart: data and voice per period</source>
        <translation>用量图表：每个时段的流量和通话</translation>
    </message>
    <message>
        <source>d MMM</source>
        <extracomment>QDateTime formats of the usage chart&apos;s time axis: a day, a day and hour, a month</extracomment>
        <translation>M月d日</translation>
    </message>
    <message>
        <source>d MMM HH:mm</source>
        <translation>M月d日 HH:mm</translation>
    </message>
    <message>
        <source>MMM yyyy</source>
        <translation>yyyy年M月</translation>
    </message>
</context>
<context>
    <name>topup::UsageHistoryChart</name>
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
<context>
    <name>topup::WalletAddress</name>
    <message>
        <source>a wallet is identified by its e-mail address, e.g. jane@example.com</source>
        <translation>钱包以电子邮件地址标识，例如 jane@example.com</translation>
    </message>
    <message>
        <source>A wallet is identified by its e-mail address, e.g. jane@example.com.</source>
        <translation>钱包以电子邮件地址标识，例如 jane@example.com。</translation>
    </message>
</context>
<context>
    <name>topup::Wording</name>
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
        <source>line&apos;s monthly budget reached</source>
        <translation>已达线路每月预算</translation>
    </message>
    <message>
        <source>line&apos;s top-ups per month reached</source>
        <translation>已达线路每月充值次数上限</translation>
    </message>
    <message>
        <source>account&apos;s monthly budget reached</source>
        <translation>已达账户每月预算</translation>
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
        <source>Line bought</source>
        <extracomment>The charge that bought a line from the carrier&apos;s catalog</extracomment>
        <translation>购买线路</translation>
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
    <message>
        <source>%1 (removed)</source>
        <extracomment>A line that was removed, as History still names it</extracomment>
        <translation>%1（已删除）</translation>
    </message>
    <message>
        <source>%1 (not bought)</source>
        <extracomment>A line whose purchase the provider refused, as History names it</extracomment>
        <translation>%1（未购买）</translation>
    </message>
    <message>
        <source>a removed method</source>
        <translation>已删除的付款方式</translation>
    </message>
    <message>
        <source>Top-up of %1 failed with %2: %3.</source>
        <translation>%1 使用 %2 充值失败：%3。</translation>
    </message>
    <message>
        <source>Top-up of %1 failed with %2 (%3) and with its fallback %4 (%5).</source>
        <translation>%1 使用 %2 充值失败（%3），备用方式 %4 也失败（%5）。</translation>
    </message>
    <message>
        <source>Top-up of %1 was blocked: %2.</source>
        <translation>%1 的充值被拦截：%2。</translation>
    </message>
    <message>
        <source>Auto top-up of %1 is suspended after four failed attempts.</source>
        <translation>%1 的自动充值在四次尝试失败后已暂停。</translation>
    </message>
    <message>
        <source>%1 expires at the end of %2.</source>
        <translation>%1 将于%2底到期。</translation>
    </message>
    <message>
        <source>%1 had %2 left, less than an auto top-up it pays for costs (%3).</source>
        <translation>%1 仅剩 %2，不足以支付由它付款的一次自动充值（%3）。</translation>
    </message>
    <message>
        <source>It is retried within a day; after four failures auto top-up is suspended.</source>
        <translation>系统将在一天内重试；连续失败四次后自动充值将暂停。</translation>
    </message>
    <message>
        <source>No charge was made; auto top-up resumes on the 1st.</source>
        <translation>未产生扣款；自动充值将于下月 1 日恢复。</translation>
    </message>
    <message>
        <source>Deposit to its payment method or save its rules again to re-arm it.</source>
        <translation>向其付款方式充入资金，或重新保存其规则即可恢复。</translation>
    </message>
    <message>
        <source>Add a new card and choose it in the rules of the lines that use this one.</source>
        <translation>请添加新卡，并在使用此卡的线路规则中选择新卡。</translation>
    </message>
    <message>
        <source>Deposit funds to keep auto top-up going.</source>
        <translation>请存入资金，以便自动充值继续进行。</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>An alert: what happened, then what to do (Chinese joins them without a space)</extracomment>
        <translation>%1 %2</translation>
    </message>
</context>
</TS>
