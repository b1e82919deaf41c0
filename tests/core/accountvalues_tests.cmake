# Tests of the account and payment-method values (issue 3). Included from
# tests/CMakeLists.txt, so paths are relative to tests/.
foreach(unit IN ITEMS tst_loginid tst_passwordpolicy tst_card tst_passwordhasher)
    topup_add_test(${unit} core/${unit}.cpp)
endforeach()
