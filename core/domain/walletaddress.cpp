#include "walletaddress.h"

#include "loginid.h"

#include <QCoreApplication>

namespace topup {

Expected<WalletAddress> WalletAddress::parse(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    if (!trimmed.contains(QLatin1Char('@')))
        return Expected<WalletAddress>::failure(
            QCoreApplication::translate("topup::WalletAddress", "a wallet is identified by its e-mail address, e.g. jane@example.com"),
            QCoreApplication::translate("topup::WalletAddress", "A wallet is identified by its e-mail address, e.g. jane@example.com."));
    const Expected<QString> address = parseEmailAddress(trimmed);
    if (!address)
        return Expected<WalletAddress>::failure(address);
    return WalletAddress(*address);
}

QString WalletAddress::masked() const
{
    return maskEmailAddress(m_address);
}

} // namespace topup
