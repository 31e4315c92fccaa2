target_sources(stepscope_core PRIVATE
    dataflow/dataflowerror.h
    dataflow/jsonpath.h dataflow/jsonpath.cpp
    dataflow/intrinsicfunctions.h dataflow/intrinsicfunctions.cpp
    dataflow/payloadtemplate.h dataflow/payloadtemplate.cpp
    dataflow/choiceevaluation.h dataflow/choiceevaluation.cpp
    dataflow/errorhandling.h dataflow/errorhandling.cpp
    dataflow/statestages.h dataflow/statestages.cpp
    dataflow/replay.h dataflow/replay.cpp
    dataflow/lineage.h dataflow/lineage.cpp)
