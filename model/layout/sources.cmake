target_sources(stepscope_graphics PRIVATE
    layout/diagram.h layout/diagram.cpp
    layout/diagramfonts.h layout/diagramfonts.cpp
    layout/layoutengine.h
    layout/layoutgraph.h layout/layoutgraph.cpp
    layout/layoutgeometry.h layout/layoutgeometry.cpp
    layout/simplelayout.h layout/simplelayout.cpp
    layout/graphvizlayout.h layout/graphvizlayout.cpp
    layout/layoutjson.h layout/layoutjson.cpp)
# The dot layout plugin, loaded alone at run time (see graphvizlayout.cpp); without it every plugin is loaded.
pkg_get_variable(STEPSCOPE_GRAPHVIZ_LIBDIR libgvc libdir)
pkg_get_variable(STEPSCOPE_GRAPHVIZ_PLUGIN_VERSION libgvc plugins)
set(STEPSCOPE_GRAPHVIZ_DOT_PLUGIN "${STEPSCOPE_GRAPHVIZ_LIBDIR}/graphviz/libgvplugin_dot_layout.so.${STEPSCOPE_GRAPHVIZ_PLUGIN_VERSION}")
if(EXISTS "${STEPSCOPE_GRAPHVIZ_DOT_PLUGIN}")
    set_property(SOURCE layout/graphvizlayout.cpp APPEND PROPERTY COMPILE_DEFINITIONS
        STEPSCOPE_GRAPHVIZ_DOT_PLUGIN="${STEPSCOPE_GRAPHVIZ_DOT_PLUGIN}")
endif()
