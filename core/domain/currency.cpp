#include "currency.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstring>
#include <iterator>

namespace topup {
namespace {

// ISO 4217 active codes whose minor unit is 2 (sorted for binary search).
constexpr const char *twoDigitCodes[] = {
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN", "BMD", "BND",
    "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF", "CNY", "COP", "CRC", "CUP", "CZK", "DKK",
    "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GTQ", "GYD", "HKD",
    "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IRR", "JMD", "KES", "KGS", "KHR", "KPW", "KYD", "KZT", "LAK", "LBP",
    "LKR", "LRD", "LSL", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MYR",
    "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "QAR", "RON", "RSD",
    "RUB", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL",
    "THB", "TJS", "TMT", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "USD", "UYU", "UZS", "VES", "WST", "XCD", "YER",
    "ZAR", "ZMW", "ZWL"};

// Active codes with 0, 3 or 4 minor digits: named so the message can say why.
constexpr const char *otherDigitCodes[] = {"BHD", "BIF", "CLF", "CLP", "DJF", "GNF", "IQD", "ISK", "JOD", "JPY",
                                           "KMF", "KRW", "KWD", "LYD", "OMR", "PYG", "RWF", "TND", "UGX", "UYI",
                                           "UYW", "VND", "VUV", "XAF", "XOF", "XPF"};

template<std::size_t N>
bool contains(const char *const (&codes)[N], const QByteArray &code)
{
    return std::binary_search(std::begin(codes), std::end(codes), code.constData(),
                              [](const char *a, const char *b) { return std::strcmp(a, b) < 0; });
}

} // namespace

Expected<QString> parseCurrency(QStringView code)
{
    const QByteArray latin = code.toLatin1();
    if (contains(twoDigitCodes, latin))
        return code.toString();
    if (contains(otherDigitCodes, latin))
        return Expected<QString>::failure(
            QCoreApplication::translate("topup::Currency", "currency %1 does not have 2 minor digits").arg(code),
            QCoreApplication::translate("topup::Currency", "Currency %1 does not have 2 minor digits.").arg(code));
    return Expected<QString>::failure(
        QCoreApplication::translate("topup::Currency", "unknown currency \"%1\" (expected an ISO 4217 code such as USD)")
            .arg(code.left(16)),
        QCoreApplication::translate("topup::Currency", "Unknown currency \"%1\" (expected an ISO 4217 code such as USD).")
            .arg(code.left(16)));
}

} // namespace topup
