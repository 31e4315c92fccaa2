target_sources(stepscope_model PRIVATE
    history/execution.h history/execution.cpp
    history/payload.cpp
    history/jsontext.h history/jsontext.cpp
    history/sfneventtypes.cpp)
