# Accounts and payment-method values (issue 3). Included from core/CMakeLists.txt,
# so paths are relative to core/.
find_package(Qt6 REQUIRED COMPONENTS Network)

target_sources(topup_core PRIVATE
    domain/cardexpiry.cpp domain/cardexpiry.h
    domain/cardnumber.cpp domain/cardnumber.h
    domain/cardsecuritycode.cpp domain/cardsecuritycode.h
    domain/loginid.cpp domain/loginid.h
    domain/passwordpolicy.cpp domain/passwordpolicy.h
    domain/walletaddress.cpp domain/walletaddress.h
    store/passwordhasher.cpp store/passwordhasher.h
)
# Only for QPasswordDigestor (PBKDF2); nothing here opens a socket.
target_link_libraries(topup_core PUBLIC Qt6::Network)
