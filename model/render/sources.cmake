target_sources(stepscope_model PRIVATE
    render/theme.h render/theme.cpp
    render/diagramrenderer.h render/diagramrenderer.cpp
    render/diagramexport.h render/diagramexport.cpp
    render/textexport.h render/textexport.cpp)
