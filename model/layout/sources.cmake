target_sources(stepscope_model PRIVATE
    layout/diagram.h layout/diagram.cpp
    layout/diagramfonts.h layout/diagramfonts.cpp
    layout/layoutengine.h
    layout/layoutgraph.h layout/layoutgraph.cpp
    layout/layoutgeometry.h layout/layoutgeometry.cpp
    layout/simplelayout.h layout/simplelayout.cpp
    layout/graphvizlayout.h layout/graphvizlayout.cpp
    layout/layoutjson.h layout/layoutjson.cpp)
