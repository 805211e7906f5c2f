namespace Cortex.Queue.Config;

public enum TrackerModelType
{
    Classification,
    Regression,
}
