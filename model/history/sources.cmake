target_sources(stepscope_core PRIVATE
    history/execution.h history/execution.cpp
    history/payload.cpp
    history/jsontext.h history/jsontext.cpp
    history/historytime.h history/historytime.cpp
    history/reconstruction.cpp
    history/rootcause.h history/rootcause.cpp
    history/pathworkflow.cpp
    history/sfneventtypes.cpp
    history/sfnreader.h history/sfnhistoryreader.cpp history/sfnlogreader.cpp history/historyfile.cpp)
