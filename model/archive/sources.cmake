target_sources(stepscope_core PRIVATE
    archive/sqlite.h archive/sqlite.cpp
    archive/backgroundcheckpointer.h archive/backgroundcheckpointer.cpp
    archive/archivetypes.h
    archive/archiveschema.h archive/archiveschema.cpp
    archive/columnlist.h
    archive/executionidentity.h archive/executionidentity.cpp
    archive/archive.h archive/archiveprivate.h archive/archive.cpp
    archive/archivewriter.h archive/archivewriter.cpp
    archive/archivequeries.cpp
    archive/archivestatistics.cpp
    archive/heatmap.h archive/heatmap.cpp
    archive/archivedhistory.h archive/archivedhistory.cpp
    archive/timefilter.h archive/timefilter.cpp
    archive/compare.h archive/compare.cpp
    archive/historyconvert.h archive/historyconvert.cpp
    archive/importer.h archive/importer.cpp archive/historyfilereader.cpp)
