/**
 * An EAF laid out the way ELAN 6 saves one (written by hand: ELAN is not on
 * our machines). It has what our own files lack: a media URL with a relative
 * one, a time slot without TIME_VALUE on a subdivided tier, reference
 * annotations on a symbolic-association tier, entities, a comment and a
 * CDATA section.
 */
export const ELAN_DOCUMENT = `<?xml version="1.0" encoding="UTF-8"?>
<ANNOTATION_DOCUMENT AUTHOR="" DATE="2024-03-05T10:12:44+01:00" FORMAT="3.0" VERSION="3.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://www.mpi.nl/tools/elan/EAFv3.0.xsd">
    <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds">
        <MEDIA_DESCRIPTOR MEDIA_URL="file:///C:/corpus/interview%2003.wav" MIME_TYPE="audio/x-wav" RELATIVE_MEDIA_URL="../corpus/interview%2003.wav"/>
        <PROPERTY NAME="URN">urn:nl-mpi-tools-elan-eaf:6d1f3a2e-0000-4000-8000-000000000000</PROPERTY>
        <PROPERTY NAME="lastUsedAnnotationId">6</PROPERTY>
    </HEADER>
    <TIME_ORDER>
        <TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="250"/>
        <TIME_SLOT TIME_SLOT_ID="ts2" TIME_VALUE="1400"/>
        <TIME_SLOT TIME_SLOT_ID="ts3" TIME_VALUE="1400"/>
        <TIME_SLOT TIME_SLOT_ID="ts4" TIME_VALUE="3050"/>
        <TIME_SLOT TIME_SLOT_ID="ts5" TIME_VALUE="250"/>
        <TIME_SLOT TIME_SLOT_ID="ts6"/>
        <TIME_SLOT TIME_SLOT_ID="ts7" TIME_VALUE="1400"/>
    </TIME_ORDER>
    <!-- the emotion tier a colleague labelled -->
    <TIER ANNOTATOR="J. Doe" LINGUISTIC_TYPE_REF="default-lt" TIER_ID="Emotion">
        <ANNOTATION>
            <ALIGNABLE_ANNOTATION ANNOTATION_ID="a2" TIME_SLOT_REF1="ts3" TIME_SLOT_REF2="ts4">
                <ANNOTATION_VALUE>Sad &amp; tired</ANNOTATION_VALUE>
            </ALIGNABLE_ANNOTATION>
        </ANNOTATION>
        <ANNOTATION>
            <ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2">
                <ANNOTATION_VALUE>Angry</ANNOTATION_VALUE>
            </ALIGNABLE_ANNOTATION>
        </ANNOTATION>
    </TIER>
    <TIER LINGUISTIC_TYPE_REF="note-lt" PARENT_REF="Emotion" TIER_ID="Note">
        <ANNOTATION>
            <REF_ANNOTATION ANNOTATION_ID="a3" ANNOTATION_REF="a1">
                <ANNOTATION_VALUE><![CDATA[raised voice <loud>]]></ANNOTATION_VALUE>
            </REF_ANNOTATION>
        </ANNOTATION>
        <ANNOTATION>
            <REF_ANNOTATION ANNOTATION_ID="a6" ANNOTATION_REF="a3">
                <ANNOTATION_VALUE>&#x201C;quoted&#8221;</ANNOTATION_VALUE>
            </REF_ANNOTATION>
        </ANNOTATION>
    </TIER>
    <TIER LINGUISTIC_TYPE_REF="words-lt" PARENT_REF="Emotion" TIER_ID="Words">
        <ANNOTATION>
            <ALIGNABLE_ANNOTATION ANNOTATION_ID="a4" TIME_SLOT_REF1="ts5" TIME_SLOT_REF2="ts6">
                <ANNOTATION_VALUE>I</ANNOTATION_VALUE>
            </ALIGNABLE_ANNOTATION>
        </ANNOTATION>
        <ANNOTATION>
            <ALIGNABLE_ANNOTATION ANNOTATION_ID="a5" TIME_SLOT_REF1="ts6" TIME_SLOT_REF2="ts7">
                <ANNOTATION_VALUE>said</ANNOTATION_VALUE>
            </ALIGNABLE_ANNOTATION>
        </ANNOTATION>
    </TIER>
    <TIER LINGUISTIC_TYPE_REF="default-lt" TIER_ID="Empty"/>
    <LINGUISTIC_TYPE GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="default-lt" TIME_ALIGNABLE="true"/>
    <LINGUISTIC_TYPE CONSTRAINTS="Symbolic_Association" GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="note-lt" TIME_ALIGNABLE="false"/>
    <LINGUISTIC_TYPE CONSTRAINTS="Time_Subdivision" GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="words-lt" TIME_ALIGNABLE="true"/>
    <CONSTRAINT DESCRIPTION="Time subdivision of parent annotation's time interval, no time gaps allowed within this interval" STEREOTYPE="Time_Subdivision"/>
    <CONSTRAINT DESCRIPTION="1-1 association with a parent annotation" STEREOTYPE="Symbolic_Association"/>
</ANNOTATION_DOCUMENT>
`;
