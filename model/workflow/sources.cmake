target_sources(stepscope_model PRIVATE
    workflow/diagnostic.h workflow/diagnostic.cpp
    workflow/workflow.h workflow/workflow.cpp
    workflow/runstatus.h workflow/runstatus.cpp)
