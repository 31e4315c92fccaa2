target_sources(stepscope_model PRIVATE
    definition/sourcedocument.h definition/sourcedocument.cpp
    definition/definitionloader.h definition/definitionloader.cpp
    definition/validator.h definition/validator.cpp
    definition/workflowbuilder.h definition/workflowbuilder.cpp
    definition/definition.h definition/definition.cpp)
