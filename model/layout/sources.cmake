target_sources(stepscope_model PRIVATE
    layout/diagram.h layout/diagram.cpp
    layout/layoutengine.h)
