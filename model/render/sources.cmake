target_sources(stepscope_graphics PRIVATE
    render/theme.h render/theme.cpp
    render/statuspalette.h render/statuspalette.cpp
    render/heatcolor.h render/heatcolor.cpp
    render/diagramrenderer.h render/diagramrenderer.cpp
    render/diagramexport.h render/diagramexport.cpp
    render/diagramfile.h render/diagramfile.cpp
    render/textexport.h render/textexport.cpp)
