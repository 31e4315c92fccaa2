# Opening a pair of files and tying the execution's runs to the workflow's states: what the window and `inspect`
# both need. QtCore only (laying out is the window's own step).
target_sources(stepscope_core PRIVATE
    document/documentloader.h document/documentloader.cpp
    document/runindex.h document/runindex.cpp
    document/executionmatch.h document/executionmatch.cpp)
