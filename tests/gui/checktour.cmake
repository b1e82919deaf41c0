# Runs the screenshot tour offscreen and checks every PNG: present and not
# nearly blank (at least 20 kB). Called by ctest with -DAPP= -DOUT= -DLANG= -DTHEME=.
file(REMOVE_RECURSE "${OUT}")
execute_process(
    COMMAND "${APP}" --screenshots "${OUT}" --lang "${LANG}" --theme "${THEME}"
    RESULT_VARIABLE result
    OUTPUT_VARIABLE output
    ERROR_VARIABLE errors)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "the tour exited with ${result}:\n${output}\n${errors}")
endif()
foreach(name login dashboard line-rules rules-advisor test-topup payments add-card-errors history alerts settings fleet-dashboard sign-up new-dashboard add-line)
    set(png "${OUT}/${name}.png")
    if(NOT EXISTS "${png}")
        message(FATAL_ERROR "${png} is missing")
    endif()
    file(SIZE "${png}" size)
    if(size LESS 20000)
        message(FATAL_ERROR "${png} is nearly blank (${size} bytes)")
    endif()
endforeach()
message(STATUS "tour ${LANG} ${THEME}: 14 screenshots in ${OUT}")
