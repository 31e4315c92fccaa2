target_sources(stepscope_core PRIVATE
    workflow/diagnostic.h workflow/diagnostic.cpp
    workflow/workflow.h workflow/workflow.cpp
    workflow/runstatus.h workflow/runstatus.cpp
    workflow/durationtext.h workflow/durationtext.cpp)
