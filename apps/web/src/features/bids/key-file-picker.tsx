import { UploadOutlined } from '@ant-design/icons';
import { Button, Upload } from 'antd';

/** Picks the user's key file (kept in the browser, never uploaded): used to seal a bid and to co-sign one. */
export function KeyFilePicker(props: {
  file: File | null;
  onChange: (file: File | null) => void;
  label: string;
  testId: string;
}) {
  return (
    <Upload
      maxCount={1}
      accept=".json,.zckey,application/json"
      beforeUpload={(file) => {
        props.onChange(file);
        return false;
      }}
      onRemove={() => props.onChange(null)}
      fileList={props.file ? [{ uid: 'key', name: props.file.name }] : []}
    >
      <Button icon={<UploadOutlined />} data-testid={props.testId}>
        {props.label}
      </Button>
    </Upload>
  );
}
